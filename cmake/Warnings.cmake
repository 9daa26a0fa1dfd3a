# finhelm_warnings(target): the warning set every FinHelm target compiles with.
# -Wnull-dereference is left out: at -O2 g++ 12 reports it inside inlined Boost.Asio code.
function(finhelm_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
    -Wimplicit-fallthrough)
  if(FINHELM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

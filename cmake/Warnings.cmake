# finhelm_warnings(target): the warning set every FinHelm target compiles with.
function(finhelm_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wnull-dereference
    -Wimplicit-fallthrough)
  if(FINHELM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Generates a .cpp defining `const std::string_view VARIABLE` with the bytes of INPUT.
# Run as: cmake -DINPUT=... -DOUTPUT=... -DNAMESPACE=... -DVARIABLE=... -DHEADER=... -P
file(READ "${INPUT}" content)
set(delimiter "finhelm_embed")
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/EmbedFile.cmake. Do not edit.\n"
  "#include \"${HEADER}\"\n\n"
  "namespace ${NAMESPACE} {\n\n"
  "const std::string_view ${VARIABLE} = R\"${delimiter}(${content})${delimiter}\";\n\n"
  "}  // namespace ${NAMESPACE}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")

// The status line and header block of a response, as bytes on the wire.
//
// FinHelm writes its own response head rather than going through Beast's serializer: one
// contiguous buffer, sent with the body in a single gathered write, costs a fraction of
// the serializer's per-field buffer sequences (docs/performance.md).
#pragma once

#include <string>

#include "http/message.hpp"

namespace finhelm::http {

// Appends `response`'s HTTP/1.1 status line, its fields, Content-Length (for statuses
// that carry a body, also when answering HEAD) and "Connection: close" unless
// `keep_alive`, ending with the blank line. A field whose name is not an RFC 9110 token,
// or whose value holds CR, LF or NUL, is dropped rather than sent: no response splitting,
// whatever a handler set.
void AppendResponseHead(const Response& response, bool keep_alive, std::string& out);

}  // namespace finhelm::http

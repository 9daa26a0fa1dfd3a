// Fuzzes a raw HTTP/1.1 request the way the server reads it, then the whole pipeline.
//
// The bytes go through Boost.Beast's request_parser with FinHelm's limits (IN-2: 16 KiB of
// header, the JSON body limit), are turned into FinHelm's Request as the connection does,
// and are dispatched through a Pipeline over the real system routes, the real contract
// validator and a trusted proxy, so that X-Forwarded-For, CORS, media types, body
// validation and the diagnostics echo handler all see fuzzed input. Whatever comes in:
// nothing crashes, every response carries the WEB-3 headers and a request id, and no log
// line holds a raw CR or LF (AUD-1).
#include <utility>  // Before Asio and Beast: Boost 1.74 needs it first (TRAPS.md).

#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <future>
#include <memory>
#include <string>
#include <string_view>

#include "api/contract.hpp"
#include "api/system_routes.hpp"
#include "core/worker_pool.hpp"
#include "http/pipeline.hpp"
#include "http/router.hpp"
#include "observability/log.hpp"
#include "observability/metrics.hpp"

namespace {

namespace bhttp = boost::beast::http;
using namespace finhelm;  // NOLINT(google-build-using-namespace): a .cpp leaf.

constexpr std::uint32_t kHeaderLimit = 16 * 1024;  // IN-2, as ServerOptions.
constexpr std::size_t kBodyLimit = 1024 * 1024;    // IN-2, as PipelineOptions.
constexpr std::string_view kProxy = "10.0.0.1";

void Require(bool condition) {
  if (!condition) std::abort();
}

// Checks every log line instead of writing it: CR and LF must always arrive encoded.
class CheckingSink final : public log::Sink {
 public:
  void WriteLine(std::string_view line) override {
    Require(line.find_first_of("\r\n") == std::string_view::npos);
  }
};

// Everything a server builds at start-up, built once and never torn down.
struct Harness {
  Harness() : workers(1, 4) {
    log::Configure(log::Level::kDebug, &sink);
    auto created = api::ContractValidator::Create(api::OpenApiDocument());
    Require(created.ok());
    validator = std::move(*created);
    api::SystemRouteDependencies dependencies;
    dependencies.metrics = &metrics;
    Require(api::AddSystemRoutes(router, std::move(dependencies)).ok());

    http::PipelineOptions options;
    options.json_body_limit = kBodyLimit;
    options.cors_allowed_origins = {"https://app.example"};
    options.trusted_proxies = {std::string(kProxy)};
    // Generous, and short enough that idle buckets are pruned: the fuzzer is one client.
    options.default_rate_limit = {1'000'000'000, std::chrono::seconds(1)};
    pipeline = std::make_unique<http::Pipeline>(options, router, validator.get(), authenticator,
                                                rate_limits, metrics, workers);
    pipeline->SetFallback([](http::Request&) { return http::Response::Empty(200); });
  }

  CheckingSink sink;
  metrics::Registry metrics;
  http::Router router;
  std::unique_ptr<api::ContractValidator> validator;
  http::AnonymousAuthenticator authenticator;
  http::InMemoryRateLimitStore rate_limits{1024};
  WorkerPool workers;
  std::unique_ptr<http::Pipeline> pipeline;
};

Harness& GetHarness() {
  static Harness* harness = new Harness();
  return *harness;
}

// Feeds all of `input` to `parser` as a socket read would; false when Beast refuses it.
bool Parse(bhttp::request_parser<bhttp::string_body>& parser, std::string_view input) {
  boost::system::error_code ec;
  while (!input.empty() && !parser.is_done()) {
    std::size_t used = parser.put(boost::asio::buffer(input.data(), input.size()), ec);
    if (ec == bhttp::error::need_more) return parser.is_header_done();
    if (ec) return false;
    if (used == 0) break;
    input.remove_prefix(used);
  }
  return parser.is_header_done();
}

// The conversion the connection makes once Beast has the message.
http::Request ToRequest(bhttp::request_parser<bhttp::string_body>& parser) {
  const auto& message = parser.get();
  http::Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  for (const auto& field : message) request.headers.Add(field.name_string(), field.value());
  request.body = message.body();
  request.remote_address = std::string(kProxy);
  return request;
}

void CheckResponse(const http::Response& response) {
  Require(response.status >= 100 && response.status <= 599);
  for (std::string_view name : {"Content-Security-Policy", "X-Content-Type-Options",
                                "X-Frame-Options", "Referrer-Policy", "X-Request-Id"}) {
    Require(response.headers.Count(name) == 1);
  }
  if (response.status >= 400 && response.status != 404) {
    auto type = response.headers.Get("Content-Type");
    Require(type.has_value() && *type == "application/problem+json");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Harness& harness = GetHarness();
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(kHeaderLimit);
  parser.body_limit(kBodyLimit);
  parser.eager(true);
  if (!Parse(parser, std::string_view(reinterpret_cast<const char*>(data), size))) return 0;

  const std::string method(parser.get().method_string());
  const std::string target(parser.get().target());
  Require(harness.pipeline->BodyLimitFor(method, target) <= kBodyLimit);

  auto answered = std::make_shared<std::promise<http::Response>>();
  auto response = answered->get_future();
  harness.pipeline->Dispatch(
      ToRequest(parser), [answered](http::Response done) { answered->set_value(std::move(done)); });
  CheckResponse(response.get());
  return 0;
}

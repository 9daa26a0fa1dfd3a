#include "json/strict_json.hpp"

#include <nlohmann/json.hpp>
#include <set>
#include <vector>

namespace finhelm {

std::shared_ptr<const nlohmann::json> ParseOutsideJson(std::string_view text, std::string& problem,
                                                       int max_depth) {
  using nlohmann::json;
  std::vector<std::set<std::string>> keys_per_object;
  problem.clear();
  json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) {
    // `depth` counts the containers around the event; an opening one adds its own level.
    bool opens =
        event == json::parse_event_t::object_start || event == json::parse_event_t::array_start;
    if (depth + (opens ? 1 : 0) > max_depth && problem.empty()) problem = "body nests too deeply";
    switch (event) {
      case json::parse_event_t::object_start:
        keys_per_object.emplace_back();
        break;
      case json::parse_event_t::object_end:
        if (!keys_per_object.empty()) keys_per_object.pop_back();
        break;
      case json::parse_event_t::key:
        if (!keys_per_object.empty() && parsed.is_string() &&
            !keys_per_object.back().insert(parsed.get<std::string>()).second && problem.empty()) {
          problem = "duplicate key '" + parsed.get<std::string>() + "'";
        }
        break;
      default:
        break;
    }
    // Once something is wrong, keep nothing: a deep document is never built in memory.
    return problem.empty();
  };
  json document = json::parse(text.begin(), text.end(), callback, false);
  if (!problem.empty()) return nullptr;
  if (document.is_discarded()) {
    problem = "body is not valid JSON";
    return nullptr;
  }
  return std::make_shared<const json>(std::move(document));
}

}  // namespace finhelm

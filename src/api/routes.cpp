#include "api/routes.hpp"

namespace finhelm::api {

Status AddAllRoutes(http::Router& router, RouteDependencies dependencies) {
  if (Status added = AddSystemRoutes(router, std::move(dependencies.system)); !added.ok()) {
    return added;
  }
  return AddIdentityRoutes(router, dependencies.identity);
}

}  // namespace finhelm::api

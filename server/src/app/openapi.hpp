#pragma once
// The OpenAPI 3 document, built from the route table so that no route can be missing from it.
#include "core/json_input.hpp"
#include "http/router.hpp"

namespace xinhuo::app {

Json openapi_document(const http::Router& router, const std::string& version);

}  // namespace xinhuo::app

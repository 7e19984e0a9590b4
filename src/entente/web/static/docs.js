// The API's documentation page: Swagger UI over /api/openapi.json (no inline script: CSP).
window.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui" });
});

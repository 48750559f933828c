// Calls the dbooster API cross-origin, like the React SPA, and writes each answer into the
// element of the same id: data-status holds the HTTP status (or "error" when fetch rejected,
// e.g. because CORS blocked it), data-request-id the X-Request-Id response header as far as
// CORS exposes it, and the text the JSON body (or "TypeError: ..." for a rejected fetch).
"use strict";

const params = new URLSearchParams(location.search);
document.getElementById("origin").textContent = location.origin;
document.getElementById("api").value = params.get("api") || "";

function show(id, status, text, requestId) {
  const element = document.getElementById(id);
  element.dataset.status = String(status);
  element.dataset.requestId = requestId || "";
  element.textContent = text;
}

async function call(id, method, path, { token, body, headers = {} } = {}) {
  const api = document.getElementById("api").value.replace(/\/+$/, "");
  const init = { method, headers: { ...headers }, credentials: "omit" };
  if (token) init.headers["Authorization"] = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(api + path, init);
  } catch (error) {
    show(id, "error", `${error.name}: ${error.message}`, "");
    return { ok: false, status: "error", error };
  }
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON: shown as is */ }
  show(id, response.status, json === null ? text : JSON.stringify(json, null, 2),
       response.headers.get("X-Request-Id"));
  return { ok: response.ok, status: response.status, json };
}

async function run() {
  const state = document.getElementById("state");
  const finish = (value) => { state.dataset.state = value; state.textContent = value; };
  finish("running");
  for (const id of ["health", "unauthorized", "signup", "me", "project", "projects", "refresh", "me-refreshed"]) {
    show(id, "", "", "");
  }

  // A simple request (no preflight): the browser hides the answer unless the origin is allowed.
  await call("health", "GET", "/health");

  // An error answer (401) must reach the page too, with its JSON body, so the SPA can show it.
  await call("unauthorized", "GET", "/users/me", { token: "not-a-valid-token" });

  // JSON bodies, Authorization and X-Organization-Id all need a successful preflight.
  const signup = await call("signup", "POST", "/auth/signup", { body: {
    email: document.getElementById("email").value,
    password: document.getElementById("password").value,
    full_name: document.getElementById("full-name").value,
  } });
  if (!signup.ok) return finish("failed: signup");
  let token = signup.json.access_token;

  const me = await call("me", "GET", "/users/me", { token });
  if (!me.ok) return finish("failed: me");
  const organization = me.json.organization_id ? { "X-Organization-Id": me.json.organization_id } : {};

  const project = await call("project", "POST", "/projects", { token, headers: organization, body: {
    name: "Browser test project", description: "Created from another origin by the browser test",
  } });
  if (!project.ok) return finish("failed: project");

  const projects = await call("projects", "GET", "/projects", { token, headers: organization });
  if (!projects.ok) return finish("failed: projects");

  const refresh = await call("refresh", "POST", "/auth/refresh", {
    body: { refresh_token: signup.json.refresh_token },
  });
  if (!refresh.ok) return finish("failed: refresh");
  token = refresh.json.access_token;

  const again = await call("me-refreshed", "GET", "/users/me", { token });
  if (!again.ok) return finish("failed: me-refreshed");
  finish("done");
}

document.getElementById("form").addEventListener("submit", (event) => {
  event.preventDefault();
  run().catch((error) => {
    const state = document.getElementById("state");
    state.dataset.state = `failed: ${error}`;
    state.textContent = state.dataset.state;
  });
});

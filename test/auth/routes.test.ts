/**
 * The route table (server/auth/router.ts) is the truth: every route answers
 * (never the catch-all 404), and exactly the routes marked `apiKey` refuse a
 * request without the anon key.
 */
import t from "tap";
import { ROUTES } from "../../server/auth/router.ts";
import { ANON_KEY, AUTH_TEST_ENV } from "../helpers/auth.ts";
import { startTestSystem } from "../helpers/system.ts";

const sys = await startTestSystem(t, { env: AUTH_TEST_ENV });

async function call(method: string, path: string, headers: Record<string, string>) {
  const res = await fetch(`${sys.url}/auth/v1${path}`, {
    method: method.toUpperCase(),
    headers: { "content-type": "application/json", ...headers },
    redirect: "manual",
    ...(method === "get" ? {} : { body: "{}" }),
  });
  const text = await res.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error_code?: string }).error_code;
  } catch {
    code = undefined;
  }
  return { status: res.status, code };
}

for (const route of ROUTES) {
  t.test(`${route.method.toUpperCase()} ${route.path}`, async (t) => {
    const without = await call(route.method, route.path, {});
    if (route.apiKey) {
      t.equal(without.status, 401, "refused without the anon key");
      t.equal(without.code, "no_api_key");
    } else {
      t.not(without.code, "no_api_key", "needs no key");
    }
    const withKey = await call(route.method, route.path, { apikey: ANON_KEY });
    t.not(withKey.status, 404, "routed (not the catch-all)");
    t.not(withKey.code, "no_api_key");
  });
}

t.test("an unknown path: the catch-all 404, behind the key as on Supabase", async (t) => {
  t.equal((await call("get", "/nope", {})).status, 401);
  t.equal((await call("get", "/nope", { apikey: ANON_KEY })).status, 404);
});

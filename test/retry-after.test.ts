/** A 429 says when to come back: Retry-After, in seconds. */
import t from "tap";
import { ANON_KEY, AUTH_TEST_ENV, uniqueEmail } from "./helpers/auth.ts";
import { startTestSystem } from "./helpers/system.ts";

const sys = await startTestSystem(t, { env: { ...AUTH_TEST_ENV, AUTH_RATE_LIMIT_PER_MINUTE: "1" } });

t.test("the auth rate limit answers 429 with Retry-After", async (t) => {
  const email = uniqueEmail("retry");
  const signIn = () =>
    fetch(`${sys.url}/auth/v1/token?grant_type=password`, {
      method: "POST",
      headers: { "content-type": "application/json", apikey: ANON_KEY },
      body: JSON.stringify({ email, password: "wrong password" }),
    });
  t.equal((await signIn()).status, 400, "the first try is answered");
  const limited = await signIn();
  t.equal(limited.status, 429);
  const retryAfter = Number(limited.headers.get("retry-after"));
  t.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${limited.headers.get("retry-after")}`);
});

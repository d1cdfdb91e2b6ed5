/** GET /settings: which sign-in methods this server offers. */
import type { Endpoint } from "./types.ts";

export const settings: Endpoint = (auth, _req, res) => {
  res.json({
    external: { email: true, phone: false, anonymous_users: false },
    disable_signup: false,
    mailer_autoconfirm: auth.config.auth.autoconfirm,
    phone_autoconfirm: false,
    sms_provider: "",
    saml_enabled: false,
  });
};

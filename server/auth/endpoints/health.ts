/** GET /health: GoTrue's service description (no API key needed). */
import type { Endpoint } from "./types.ts";

export const health: Endpoint = (_auth, _req, res) => {
  res.json({ version: "pgsocial", name: "GoTrue", description: "GoTrue-compatible auth served by pgsocial" });
};

import type { Task } from "graphile-worker";

/**
 * On the 1st (UTC): calculate_monthly_revenue for the previous month, or for
 * payload.month ("YYYY-MM-DD") when given. Running it again changes nothing.
 */
export const revenue__monthly: Task = async (payload, helpers) => {
  const month = (payload as { month?: unknown } | null)?.month;
  if (month !== undefined && (typeof month !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(month))) {
    throw new Error("revenue__monthly: payload.month must be a YYYY-MM-DD date");
  }
  const { rows } = await helpers.withPgClient((c) =>
    c.query<{ month: string; rows: number }>(
      `select m::text as month, app_public.calculate_monthly_revenue(m) as rows
         from coalesce($1::date, (date_trunc('month', now() at time zone 'UTC') - interval '1 month')::date) m`,
      [month ?? null],
    ),
  );
  helpers.logger.info(`revenue for ${rows[0]?.month}: ${rows[0]?.rows ?? 0} video rows written`);
};

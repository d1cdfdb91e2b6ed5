/**
 * A page-size cap on every connection (tables, relations and SETOF
 * functions alike): `first`/`last` above `max` (GRAPHQL_MAX_PAGE_SIZE) are
 * refused with INVAL, and a connection asked for without either returns its
 * first `max` rows (`pageInfo.hasNextPage` says there are more).
 *
 * Literal values are refused before planning (cost-limits.ts); values given
 * in variables are checked here, when the operation runs.
 */
import { constant, ConstantStep, lambda, list, SafeError, type ConnectionStep, type Step } from "postgraphile/grafast";
import { wrapPlans } from "postgraphile/utils";

type AnyConnection = ConnectionStep<unknown>;

/** The error for a page size over the cap (the same words before planning and at run time). */
export function pageSizeMessage(arg: string, max: number, got: number): string {
  return `${arg} must be between 0 and ${max} (got ${got}): page through the rest with cursors`;
}

function checked(arg: string, max: number, value: unknown): number | null {
  if (value == null) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new SafeError(pageSizeMessage(arg, max, n), { code: "INVAL" });
  return n;
}

/** Whether a field argument was left out of the operation altogether. */
function absent($arg: Step): boolean {
  return $arg instanceof ConstantStep && $arg.data === undefined;
}

/** The `last` argument of each connection step, for `first`'s applyPlan (which runs first). */
const lastArgOf = new WeakMap<Step, Step>();

export function pageSizePlugin(max: number): GraphileConfig.Plugin[] {
  const defaultFirst: GraphileConfig.Plugin = wrapPlans(
    (context) => (context.scope.isPgFieldConnection ? true : null),
    () => (plan, _$source, fieldArgs, info) => {
      const $connection = plan() as AnyConnection;
      const hasLast = info.field.args.some((a) => a.name === "last");
      const $first = fieldArgs.getRaw("first");
      const $last = hasLast ? fieldArgs.getRaw("last") : undefined;
      if ($last) lastArgOf.set($connection, $last);
      // Neither given: the first page.
      if (absent($first) && (!$last || absent($last))) $connection.setFirst(max);
      return $connection;
    },
    { name: "PageSizeDefaultPlugin", description: "A connection asked for without first/last returns its first page" },
  );
  const capArgs: GraphileConfig.Plugin = {
    name: "PageSizeCapPlugin",
    version: "1.0.0",
    description: "Refuses first/last above GRAPHQL_MAX_PAGE_SIZE",
    schema: {
      hooks: {
        GraphQLObjectType_fields_field_args_arg(arg, _build, context) {
          const { isPgFieldConnection, argName } = context.scope;
          if (!isPgFieldConnection || (argName !== "first" && argName !== "last")) return arg;
          return {
            ...arg,
            applyPlan(_$parent, $connection: AnyConnection, input) {
              const $value = input.getRaw();
              if (argName === "last") {
                $connection.setLast(lambda($value, (v) => checked("last", max, v), true));
                // `last` alone (first was left out): no default first page.
                if ($connection.getFirst() === null) $connection.setFirst(lambda($value, (v) => (v == null ? max : null), true));
                return;
              }
              // `first` given, perhaps as a variable that turns out null: then
              // the first page, unless `last` asks for the last one.
              const $last = lastArgOf.get($connection);
              $connection.setFirst(
                lambda(list([$value, $last ?? constant(null)]), ([f, l]) => checked("first", max, f) ?? (l == null ? max : null), true),
              );
            },
          };
        },
      },
    },
  };
  return [defaultFirst, capArgs];
}

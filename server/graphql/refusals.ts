/**
 * One refusal convention for the parts of the API PostGraphile generates (the
 * rule functions follow it in SQL; docs/error-codes.md):
 *
 *   - signed out, for anything that needs a user: LOGIN. A root field over a
 *     table tagged `@signedInOnly` (notifications, messages, money, …) answers
 *     LOGIN to an anonymous caller; the same data reached inside a public
 *     object (a post's campaign, a profile's settings) is simply null or empty,
 *     as RLS leaves it: it never fails its parent. A privilege error (42501)
 *     for an anonymous caller is LOGIN too.
 *   - someone else's row, or one that does not exist: NTFND. The update
 *     policies only target your own rows, so a generated update (or delete)
 *     that finds no row answers NTFND instead of a silent null.
 */
import { context, lambda, object, SafeError, type Step } from "postgraphile/grafast";
import { TYPES, type PgSelectStep } from "postgraphile/@dataplan/pg";
import { GraphQLError, type ExecutionResult } from "postgraphile/graphql";
import { sql } from "postgraphile/pg-sql2";
import { wrapPlans } from "postgraphile/utils";

const SIGNED_IN_ONLY_TAG = "signedInOnly";

function loginError(): SafeError {
  return new SafeError("You must be signed in", { code: "LOGIN" });
}

/** A step that is true for a signed-in caller and fails with LOGIN for an anonymous one. */
function $signedIn(): Step<boolean> {
  return lambda(context().get("viewerId"), (viewer) => {
    if (!viewer) throw loginError();
    return true;
  });
}

interface Guardable {
  addValidation?: (callback: () => Step) => void;
  getClassStep?: () => PgSelectStep;
}

/** Make `$step` (a connection, or a single row from a select) depend on the caller being signed in. */
function requireSignedIn($step: Step): void {
  const s = $step as Step & Guardable;
  if (typeof s.addValidation === "function") {
    s.addValidation(() => $signedIn());
  } else if (typeof s.getClassStep === "function") {
    const $select = s.getClassStep();
    $select.where(sql`${$select.placeholder($signedIn(), TYPES.boolean)}`);
  } else {
    throw new Error(`RefusalsPlugin: cannot guard ${String($step)}`);
  }
}

/** Root fields over tables whose rows only a signed-in user can have: LOGIN when signed out. */
const SignedInOnlyRootFieldsPlugin = wrapPlans(
  (context, build) => {
    if (!context.scope.isRootQuery) return null;
    const resource = context.scope.pgFieldResource;
    if (resource && !resource.parameters && resource.extensions?.tags?.[SIGNED_IN_ONLY_TAG]) return true;
    const typeName = context.scope.nodeAccessorTypeName;
    if (!typeName) return null;
    const signedInOnly = Object.values(build.pgResources).some(
      (r) =>
        !r.parameters && r.codec.attributes && r.extensions?.tags?.[SIGNED_IN_ONLY_TAG] && build.inflection.tableType(r.codec) === typeName,
    );
    return signedInOnly ? true : null;
  },
  () => (plan) => {
    const $step = plan() as Step;
    requireSignedIn($step);
    return $step;
  },
  { name: "SignedInOnlyRootFieldsPlugin", description: "Root fields over @signedInOnly tables answer LOGIN when signed out" },
);

/** A generated update or delete that matched no row of yours: NTFND, not a silent null. */
const NotYoursIsNotFoundPlugin = wrapPlans(
  (context) =>
    context.scope.isPgUpdateMutation || context.scope.isPgDeleteMutation ? { name: String(context.scope.pgFieldResource?.name) } : null,
  (resource: { name: string }) => (plan) => {
    const $payload = plan() as Step & { getStepForKey(key: string): Step };
    const $row = $payload.getStepForKey("result");
    const what = resource.name.replace(/_/g, " ").replace(/s$/, "");
    const $found = lambda($row, (row) => {
      if (row == null) throw new SafeError(`No such ${what} of yours`, { code: "NTFND" });
      return true;
    });
    // The payload waits for the check: no row, no payload, an NTFND error.
    return object({ result: $row, found: $found });
  },
  { name: "NotYoursIsNotFoundPlugin", description: "Generated updates and deletes that find no row answer NTFND" },
);

/** Anonymous callers refused a privilege are told to sign in. */
function loginForAnonymous(result: ExecutionResult, anonymous: boolean): ExecutionResult {
  if (!anonymous || !result.errors?.length) return result;
  const errors = result.errors.map((e) =>
    (e.originalError as { code?: unknown } | undefined)?.code === "42501"
      ? new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, originalError: loginError() })
      : e,
  );
  return { ...result, errors };
}

const AnonymousRefusalIsLoginPlugin: GraphileConfig.Plugin = {
  name: "AnonymousRefusalIsLoginPlugin",
  version: "1.0.0",
  grafast: {
    middleware: {
      async execute(next, event) {
        const result = await next();
        if (Symbol.asyncIterator in result) return result;
        return loginForAnonymous(result, !(event.args.contextValue as Grafast.Context).viewerId);
      },
    },
  },
};

export const RefusalsPlugins: GraphileConfig.Plugin[] = [
  SignedInOnlyRootFieldsPlugin,
  NotYoursIsNotFoundPlugin,
  AnonymousRefusalIsLoginPlugin,
];

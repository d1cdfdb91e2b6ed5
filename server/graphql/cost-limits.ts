/**
 * Query cost limits, checked before anything is planned or run (planning is
 * synchronous: a document of 10,000 aliases pinned the event loop for minutes).
 *
 *   1. The document's size, before it is even parsed (every transport: HTTP
 *      and websockets), GRAPHQL_MAX_DOCUMENT_BYTES.
 *   2. A validation rule that walks each operation once, fragments expanded,
 *      stopping at the first limit passed:
 *        - aliases (GRAPHQL_MAX_ALIASES) and field selections
 *          (GRAPHQL_MAX_FIELDS): alias and field-duplication bombs;
 *        - the cost: how many field values the response can hold, each field
 *          counted once per object that can carry it, a connection holding
 *          `first`/`last` of them (a variable or nothing: the page-size cap),
 *          any other list the page-size cap (GRAPHQL_MAX_COST): breadth
 *          bombs;
 *        - literal `first`/`last` above the page-size cap (page-size.ts
 *          checks variables when the operation runs).
 *      Over a limit, GraphQL's own quadratic rule (overlapping fields) is
 *      skipped: the answer is the limit error, in milliseconds.
 *   3. Grafast's planning and execution timeouts (preset.ts).
 *
 * Introspection (`__schema`, `__type`) is left to the depth limit: its size
 * is that of the schema, and it is off in production unless enabled.
 */
import { SafeError } from "postgraphile/grafast";
import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OverlappingFieldsCanBeMergedRule,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from "postgraphile/graphql";
import { pageSizeMessage } from "./page-size.ts";

export interface CostLimits {
  maxDocumentBytes: number;
  maxAliases: number;
  maxFields: number;
  maxCost: number;
  maxPageSize: number;
}

export const TOO_COMPLEX = "TOO_COMPLEX";

/** Documents over the size limit are refused before parsing (413). */
export function checkDocumentSize(query: unknown, maxBytes: number): void {
  if (typeof query !== "string") return;
  // Cheap upper bound first: a UTF-8 character is at most 3 bytes per UTF-16 unit.
  if (query.length * 3 <= maxBytes) return;
  const bytes = Buffer.byteLength(query, "utf8");
  if (bytes > maxBytes) {
    throw new SafeError(`The GraphQL document is ${bytes} bytes; the limit is ${maxBytes}`, { code: TOO_COMPLEX, statusCode: 413 });
  }
}

class LimitExceeded extends Error {
  override name = "LimitExceeded";
  readonly code: string;
  constructor(message: string, code = TOO_COMPLEX) {
    super(message);
    this.code = code;
  }
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  limits: CostLimits;
  aliases: number;
  fields: number;
  cost: number;
  /** Fragments being expanded (a cycle is reported by GraphQL's own rule). */
  expanding: Set<string>;
}

function isList(type: GraphQLOutputType): boolean {
  let t: GraphQLOutputType = type;
  while (isNonNullType(t)) t = t.ofType;
  return isListType(t);
}

/** A connection type: has `nodes` or `edges` and `pageInfo`. */
function isConnection(type: GraphQLOutputType): boolean {
  const named = getNamedType(type);
  if (!isObjectType(named)) return false;
  const f = named.getFields();
  return ("nodes" in f || "edges" in f) && "pageInfo" in f;
}

function literalInt(value: ValueNode | undefined): number | undefined {
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function walk(
  w: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  multiplier: number,
  /** Set inside a connection type: the size of its page. */
  pageSize: number | undefined,
): void {
  const { limits } = w;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = w.fragments.get(name);
      if (!fragment || w.expanding.has(name)) continue;
      const type = w.schema.getType(fragment.typeCondition.name.value);
      if (!isCompositeType(type)) continue;
      w.expanding.add(name);
      walk(w, fragment.selectionSet, type, multiplier, pageSize);
      w.expanding.delete(name);
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? w.schema.getType(selection.typeCondition.name.value) : parent;
      if (isCompositeType(type)) walk(w, selection.selectionSet, type, multiplier, pageSize);
      continue;
    }
    const name = selection.name.value;
    // Introspection is bounded by the schema and the depth limit.
    if (name === "__schema" || name === "__type") continue;
    if (selection.alias && selection.alias.value !== name && ++w.aliases > limits.maxAliases) {
      throw new LimitExceeded(`Too many aliases: at most ${limits.maxAliases}`);
    }
    if (++w.fields > limits.maxFields) throw new LimitExceeded(`Too many fields selected: at most ${limits.maxFields}`);
    w.cost += multiplier;
    if (w.cost > limits.maxCost) {
      throw new LimitExceeded(
        `The operation could return more than ${limits.maxCost} values: ask for smaller pages (first/last) or fewer nested lists`,
      );
    }
    if (!selection.selectionSet || name === "__typename") continue;
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    if (!field) continue;
    const child = getNamedType(field.type);
    if (!isCompositeType(child)) continue;

    let childMultiplier = multiplier;
    let childPageSize: number | undefined;
    if (isConnection(field.type)) {
      for (const arg of ["first", "last"]) {
        const value = literalInt(selection.arguments?.find((a) => a.name.value === arg)?.value);
        if (value !== undefined && (value < 0 || value > limits.maxPageSize)) {
          throw new LimitExceeded(pageSizeMessage(arg, limits.maxPageSize, value), "INVAL");
        }
      }
      const args = selection.arguments ?? [];
      const given = ["first", "last"]
        .map((arg) => literalInt(args.find((a) => a.name.value === arg)?.value))
        .filter((v) => v !== undefined);
      childPageSize = given.length ? Math.min(...given) : limits.maxPageSize;
    } else if (isList(field.type)) {
      childMultiplier = multiplier * (pageSize ?? limits.maxPageSize);
    }
    walk(w, selection.selectionSet, child, childMultiplier, childPageSize);
  }
}

/** Reported errors of this rule, per validation (to skip the quadratic rule). */
const overLimit = new WeakSet<ValidationContext>();

export function costLimitRule(limits: CostLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      const schema = context.getSchema();
      for (const d of document.definitions) {
        if (d.kind !== Kind.OPERATION_DEFINITION) continue;
        const root = schema.getRootType(d.operation);
        if (!root) continue;
        const w: Walk = { schema, fragments, limits, aliases: 0, fields: 0, cost: 0, expanding: new Set() };
        try {
          walk(w, d.selectionSet, root, 1, undefined);
        } catch (err) {
          if (!(err instanceof LimitExceeded)) throw err;
          overLimit.add(context);
          context.reportError(new GraphQLError(err.message, { nodes: [d], extensions: { code: err.code } }));
          return false; // nothing below this document needs visiting
        }
      }
      return undefined;
    },
  });
}

/** GraphQL's OverlappingFieldsCanBeMerged (quadratic in the fields selected), skipped once a limit is passed. */
const GuardedOverlappingFieldsRule: ValidationRule = (context) => {
  const inner = OverlappingFieldsCanBeMergedRule(context) as { SelectionSet?: (node: SelectionSetNode) => void };
  const selectionSet = inner.SelectionSet?.bind(inner);
  return {
    SelectionSet(node) {
      if (!overLimit.has(context)) selectionSet?.(node);
    },
  };
};

/** GraphQL's specified rules with the cost rule first and the overlap rule guarded. */
export function withCostLimits(rules: ValidationRule[], limits: CostLimits): ValidationRule[] {
  return [costLimitRule(limits), ...rules.map((r) => (r === OverlappingFieldsCanBeMergedRule ? GuardedOverlappingFieldsRule : r))];
}

/**
 * Operations generated from the GraphQL schema, for the catalog-driven sweeps
 * (security-sweep, input-limits, money-amounts): every mutation and root
 * field called with arguments made from its types, pointed at another user's
 * things. An argument the generator cannot make (a new id argument, say)
 * throws: add a recipe for it here, and the sweeps cover it.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { SCHEMA_FILE } from "../../server/graphql/schema-export.ts";
import type { World } from "./world.ts";

export const schema: GraphQLSchema = buildSchema(readFileSync(SCHEMA_FILE, "utf8"));

export class MissingRecipe extends Error {
  override name = "MissingRecipe";
}

/** The world's thing for an id argument, by argument name and, where the name is ambiguous, by field. */
function uuidFor(world: World, field: string, arg: string): string | null {
  const byField: Record<string, Record<string, string>> = {
    reviewVerificationRequest: { requestId: world.verification },
    follow: { targetId: world.blocker },
    blockUser: { targetId: world.blocker },
    muteUser: { targetId: world.blocker },
    likeProfile: { profileId: world.blocker },
    incrementPostViews: { viewerId: world.stranger },
    updatePost: { rowId: world.posts.public },
    updateComment: { rowId: world.comments.onFollowers },
    updateProfile: { rowId: world.victim },
    updateProfileDetail: { profileId: world.privateVictim },
    updateUserSetting: { userId: world.victim },
    updateSponsoredPost: { rowId: world.campaign },
    updateSponsoredPostByPostId: { postId: world.posts.public },
    sponsoredPostByPostId: { postId: world.posts.public },
    createSponsoredPost: { postId: world.posts.public },
    getOrCreateSponsorCredits: { sponsorId: world.victim },
    postReportByPostIdAndReporterId: { postId: world.posts.public, reporterId: world.friend },
    deletePost: { postId: world.posts.public },
    getPostReportCount: { postId: world.posts.public },
  };
  const special = byField[field]?.[arg];
  if (special) return special;
  const byArg: Record<string, string> = {
    postId: world.posts.onlyMe,
    commentId: world.comments.onOnlyMe,
    conversationId: world.conversation,
    messageId: world.message,
    notificationId: world.notification,
    followerId: world.requester,
    targetId: world.victim,
    userId: world.victim,
    recipientId: world.victim,
    sponsorId: world.victim,
    profileId: world.privateVictim,
    reportId: world.report,
    requestId: world.withdrawal,
    sponsoredPostId: world.campaign,
    viewerId: world.stranger,
    blockerId: world.blocker,
    blockedId: world.stranger,
    muterId: world.victim,
    mutedId: world.requester,
    a: world.victim,
    b: world.friend,
    id: world.campaign,
  };
  return byArg[arg] ?? null;
}

/** The world's thing of a GraphQL type, for `rowId` lookups and node ids. */
export function thingOfType(world: World, typeName: string): string | null {
  const byType: Record<string, string> = {
    Post: world.posts.onlyMe,
    Profile: world.privateVictim,
    ProfileDetail: world.privateVictim,
    UserSetting: world.victim,
    Comment: world.comments.onOnlyMe,
    Hashtag: world.secretTagId,
    ModerationAction: world.moderationAction,
    CheatStatusEvent: world.cheatEvent,
    SponsorCreditTransaction: world.creditTransaction,
    Conversation: world.conversation,
    Message: world.message,
    Notification: world.notification,
    SponsoredPost: world.campaign,
    SponsorCredit: world.victim,
    WithdrawalRequest: world.withdrawal,
    WithdrawalInfo: world.victim,
    VerificationRequest: world.verification,
    PostReport: world.report,
    UserCheatStatus: world.victim,
    UserVideo: world.posts.onlyMe,
  };
  return byType[typeName] ?? null;
}

export interface ArgContext {
  world: World;
  /** Node ids of the world's things, by GraphQL type name. */
  nodeIds: Record<string, string>;
  /** The field being called (Mutation or Query field name). */
  field: string;
  /** A read: an id the world has no thing for may be made up (a mutation must have its recipe). */
  read?: boolean;
}

/** A value for a required input of type `type` named `name`. */
export function valueFor(ctx: ArgContext, name: string, type: GraphQLInputType, path: string, every = false): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = getNamedType(nullable);
    if (item.name === "UUID") return [uuidFor(ctx.world, ctx.field, name) ?? ctx.world.posts.onlyMe];
    return [];
  }
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    const out: Record<string, unknown> = {};
    const fields = named.getFields();
    for (const f of Object.values(fields)) {
      // A function's arguments are all nullable in GraphQL: give them all (`every`), but the client's mutation id.
      if ((every && f.name !== "clientMutationId") || (isNonNullType(f.type) && f.defaultValue === undefined)) {
        out[f.name] = valueFor(ctx, f.name, f.type, `${path}.${f.name}`);
      }
    }
    // A patch or a new row sets its first text field (an update must find a row to change; a post needs a body).
    if (named.name.endsWith("Patch") || (named.name.endsWith("Input") && !every)) {
      const text = Object.values(fields).find((f) => getNamedType(f.type).name === "String" && f.name !== "handle");
      if (text) out[text.name] = "changed by someone else";
    }
    return out;
  }
  switch (named.name) {
    case "UUID": {
      const id = uuidFor(ctx.world, ctx.field, name) ?? (ctx.read ? ctx.world.victim : null);
      if (!id) throw new MissingRecipe(`no recipe for the id argument ${path} (test/helpers/sweep.ts uuidFor)`);
      return id;
    }
    case "ID": {
      if (ctx.field === "node") return ctx.nodeIds.Post;
      const typeName = /^(?:update|delete)(\w+)ById$/.exec(ctx.field)?.[1] ?? /^(\w+)ById$/.exec(ctx.field)?.[1];
      const upper = typeName && typeName[0]!.toUpperCase() + typeName.slice(1);
      const id = upper ? ctx.nodeIds[upper] : undefined;
      if (id) return id;
      // A read of a type the world has no thing of: a well-formed id of no row (the path is still exercised).
      if (ctx.read && upper) return Buffer.from(JSON.stringify([upper, randomUUID()])).toString("base64");
      throw new MissingRecipe(`no node id for ${path} (test/helpers/sweep.ts, nodeIds)`);
    }
    case "String":
      if (name === "handle") return ctx.field === "profileByHandle" ? ctx.world.privateHandle : "new_handle_x";
      if (name === "tag") return ctx.world.secretTag;
      if (name === "idempotencyKey") return ctx.field.startsWith("sponsorCreditTransaction") ? ctx.world.creditKey : "sweep-key";
      if (name === "method") return "paypal";
      return "x";
    case "Boolean":
      return true;
    case "Int":
      return 1;
    case "BigFloat":
    case "Money":
      return "1";
    case "Datetime":
      return new Date(Date.now() + 86_400_000).toISOString();
    case "Date":
      return "2020-01-01";
    case "JSON":
      return { k: "v" };
    case "InternetAddress":
      return "127.0.0.1";
    case "Cursor":
      return null;
    default:
      throw new MissingRecipe(`no value for ${path}: ${named.name}`);
  }
}

function isConnectionType(type: GraphQLNamedType): boolean {
  return isObjectType(type) && "pageInfo" in type.getFields() && "nodes" in type.getFields();
}

function leafFields(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name);
}

/** A selection of `type`: its leaves, and `depth` levels of its objects and connections (2 per page). */
export function selectionOf(type: GraphQLNamedType, depth: number): string {
  if (isInterfaceType(type) || isUnionType(type)) return "{ __typename }";
  if (!isObjectType(type)) return "";
  if (isConnectionType(type)) {
    const node = getNamedType((type as GraphQLObjectType).getFields().nodes!.type);
    return `{ totalCount nodes ${selectionOf(node, depth)} }`;
  }
  const parts = leafFields(type);
  if (depth > 0) {
    for (const f of Object.values(type.getFields())) {
      const child = getNamedType(f.type);
      // A payload's `query` is the whole Query type: swept on its own.
      if (f.name === "query" || isLeafType(child) || f.args.some((a) => isNonNullType(a.type))) continue;
      const args = isConnectionType(child) && f.args.some((a) => a.name === "first") ? "(first: 2)" : "";
      parts.push(`${f.name}${args} ${selectionOf(child, depth - 1)}`);
    }
  }
  return `{ ${parts.length ? parts.join(" ") : "__typename"} }`;
}

export interface Operation {
  field: string;
  document: string;
  variables: Record<string, unknown>;
}

/** A mutation with generated input (`overrides` replace or add input fields). */
export function mutationOperation(
  ctx: ArgContext,
  field: GraphQLField<unknown, unknown>,
  overrides: Record<string, unknown> = {},
): Operation {
  const input = field.args.find((a) => a.name === "input");
  if (!input) throw new MissingRecipe(`Mutation.${field.name} has no input argument`);
  const value = { ...(valueFor(ctx, "input", input.type, `Mutation.${field.name}(input)`, true) as Record<string, unknown>), ...overrides };
  const payload = getNamedType(field.type);
  return {
    field: field.name,
    document: `mutation($input: ${String(input.type)}) { ${field.name}(input: $input) ${selectionOf(payload, 1)} }`,
    variables: { input: value },
  };
}

/** A root query field with generated required arguments (and `first: 2` for a connection). */
export function queryOperation(ctx: ArgContext, field: GraphQLField<unknown, unknown>): Operation {
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  const returned = getNamedType(field.type);
  for (const arg of field.args) {
    let value: unknown;
    if (arg.name === "rowId" && !isConnectionType(returned)) {
      // The world's thing of that type, else an id of no row.
      value = thingOfType(ctx.world, returned.name) ?? randomUUID();
    } else if (arg.name === "first") {
      value = 2;
    } else if (isNonNullType(arg.type)) {
      value = valueFor(ctx, arg.name, arg.type, `Query.${field.name}(${arg.name})`);
    } else if (arg.name === "userId" || arg.name === "postId" || arg.name === "sponsorId") {
      // Optional ids (creatorBalance(userId), …): someone else's.
      value = valueFor(ctx, arg.name, arg.type, `Query.${field.name}(${arg.name})`);
    } else {
      continue;
    }
    variables[arg.name] = value;
    declared.push(`$${arg.name}: ${String(arg.type)}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  return {
    field: field.name,
    document: `query${declared.length ? `(${declared.join(", ")})` : ""} { ${field.name}${passed.length ? `(${passed.join(", ")})` : ""} ${selectionOf(returned, 1)} }`,
    variables,
  };
}

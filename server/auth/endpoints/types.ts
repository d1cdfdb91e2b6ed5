import type { Request, Response } from "express";
import type { AuthContext } from "../context.ts";

/** One endpoint of the auth API: a handler given the shared auth context. */
export type Endpoint = (auth: AuthContext, req: Request, res: Response) => Promise<void> | void;

/** What a route handler gets: the raw request and response, the parsed URL and path parameters, and the sandbox. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteParams } from './router';
import type { SandboxState } from '../state';

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly params: RouteParams;
  readonly state: SandboxState;
}

export type Handler = (ctx: RequestContext) => Promise<void> | void;

export function param(ctx: RequestContext, name: string): string {
  return ctx.params[name] ?? '';
}

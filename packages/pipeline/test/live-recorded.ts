// Recorded-response clients for the live-cluster tests: a `KubeClient` that answers GETs from a
// JSON map of path → response body, and a `Connector` over several such recordings.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Connector } from "../src/live/connector.js";
import { KubeError, kindOfStatus, type KubeClient } from "../src/live/kube-client.js";

/** `packages/cli/test/fixtures/live`. */
export const LIVE_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures/live");

/** A recording: the context it stands for and its responses (`$status` marks an error body). */
export interface Recording {
  context: string;
  server: string;
  responses: Record<string, unknown>;
}

/** Loads `fixtures/live/<name>.json`. */
export function loadRecording(name: string): Recording {
  return JSON.parse(readFileSync(join(LIVE_FIXTURES, `${name}.json`), "utf8")) as Recording;
}

/** A path with its query parameters sorted, so recordings need not match the parameter order. */
export function normalisePath(path: string): string {
  const url = new URL(path, "http://x");
  const params = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return params.length ? `${url.pathname}?${new URLSearchParams(params).toString()}` : url.pathname;
}

/** A `KubeClient` answering from a recording; unknown paths are 404; every request is kept in `requests`. */
export class RecordedClient implements KubeClient {
  readonly requests: string[] = [];
  readonly context: string;
  readonly server: string;
  private readonly responses = new Map<string, unknown>();

  constructor(
    recording: Recording,
    /** Computed responses, tried before the recording (undefined: not handled). */
    private readonly dynamic?: (path: string) => unknown,
  ) {
    this.context = recording.context;
    this.server = recording.server;
    for (const [path, body] of Object.entries(recording.responses)) this.responses.set(normalisePath(path), body);
  }

  async get(path: string): Promise<unknown> {
    this.requests.push(path);
    const key = normalisePath(path);
    const body = this.dynamic?.(key) ?? this.responses.get(key);
    if (body === undefined) throw new KubeError("not-found", `\`GET ${path}\` failed with status 404: not found`, undefined, 404);
    const status = (body as { $status?: unknown }).$status;
    if (typeof status === "number") {
      if (status === 0)
        throw new KubeError("unreachable", `cannot reach the API server of context \`${this.context}\` at \`${this.server}\`: connect ECONNREFUSED`);
      throw new KubeError(
        kindOfStatus(status),
        `\`GET ${path}\` failed with status ${status}: ${String((body as { message?: unknown }).message ?? "")}`,
        undefined,
        status,
      );
    }
    return structuredClone(body);
  }
}

/** A connector over recordings keyed by context; `current` is the current context. */
export function recordedConnector(clients: Record<string, RecordedClient>, current: string): Connector {
  const contexts = Object.keys(clients).sort();
  return {
    async connect(options) {
      const name = options.context ?? current;
      const client = clients[name];
      if (!client)
        throw new KubeError(
          "config",
          `unknown context \`${name}\`; the kubeconfig defines ${contexts.map((c) => `\`${c}\``).join(", ")}`,
          "list them with `kubectl config get-contexts`",
        );
      return client;
    },
    async contexts() {
      return { contexts, current };
    },
  };
}

import type { RequestOptions } from "node:https";
import { VERSION } from "../version.js";
import { asRecord, KubeError, kindOfStatus, type KubeClient } from "./kube-client.js";
import { loadKubeConfig, selectContext, type KubeconfigOptions } from "./kubeconfig.js";

/** Options of a real connection. */
export interface ConnectOptions extends KubeconfigOptions {
  /** The kubeconfig context (default: the current context). */
  context?: string;
  /** Per-request timeout in milliseconds (default 20 s). */
  timeoutMs?: number;
}

const METADATA_LIST = "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json";

/** The `message` of a Kubernetes `Status` body, or the start of the text. */
function statusMessage(text: string): string {
  try {
    const message = asRecord(JSON.parse(text))?.message;
    if (typeof message === "string" && message !== "") return message;
  } catch {
    // not JSON: fall through
  }
  return text.trim().slice(0, 200) || "no details";
}

/**
 * Connects to the API server of a kubeconfig context: credentials (certificates, tokens,
 * exec plugins) come from `@kubernetes/client-node`, requests are plain GETs over
 * `node:https`/`node:http`. Nothing is sent until the first `get`.
 */
export async function connectKube(options: ConnectOptions = {}): Promise<KubeClient> {
  const kc = await loadKubeConfig(options);
  const { context, server } = selectContext(kc, options.context);
  const timeoutMs = options.timeoutMs ?? 20_000;
  let prepared: Promise<RequestOptions> | undefined;
  const prepare = (): Promise<RequestOptions> =>
    (prepared ??= (async () => {
      const opts: RequestOptions = {};
      try {
        await kc.applyToHTTPSOptions(opts);
      } catch (error) {
        prepared = undefined;
        throw new KubeError(
          "config",
          `cannot prepare the credentials of context \`${context}\`: ${(error as Error).message.split("\n")[0]}`,
          "check the context's user in the kubeconfig (e.g. that its exec plugin is installed)",
        );
      }
      return opts;
    })());
  const base = server.replace(/\/+$/, "");
  const request = async (path: string, accept: string): Promise<{ status: number; text: string }> => {
    const opts = await prepare();
    const url = new URL(base + path);
    // Loaded on the first request: node:https (with tls and crypto) costs a cold start tens of milliseconds.
    const mod = url.protocol === "http:" ? await import("node:http") : await import("node:https");
    return new Promise((resolve, reject) => {
      const req = mod.request(
        url,
        { ...opts, method: "GET", headers: { ...(opts.headers ?? {}), Accept: accept, "User-Agent": `rampart/${VERSION}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", reject);
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no response within ${Math.round(timeoutMs / 1000)} s`)));
      req.on("error", (error: Error & { code?: string }) =>
        reject(
          new KubeError(
            "unreachable",
            `cannot reach the API server of context \`${context}\` at \`${server}\`: ${error.message}`,
            `check that the cluster is running and reachable (\`kubectl --context ${context} cluster-info\`)`,
          ),
        ),
      );
      req.end();
    });
  };
  return {
    context,
    server,
    async get(path, getOptions = {}) {
      const accept = getOptions.metadataOnly ? METADATA_LIST : "application/json";
      let res = await request(path, accept);
      if (res.status === 401) {
        prepared = undefined; // short-lived tokens (exec plugins): fetch fresh credentials once
        res = await request(path, accept);
      }
      if (res.status < 200 || res.status >= 300) {
        const kind = kindOfStatus(res.status);
        if (kind === "unauthorized") {
          throw new KubeError(
            kind,
            `the API server of context \`${context}\` rejected the credentials (401 unauthorized)`,
            "log in again or refresh the kubeconfig's credentials",
            401,
          );
        }
        throw new KubeError(kind, `\`GET ${path}\` failed with status ${res.status}: ${statusMessage(res.text)}`, undefined, res.status);
      }
      try {
        return JSON.parse(res.text) as unknown;
      } catch {
        throw new KubeError(
          "invalid-response",
          `the response to \`GET ${path}\` is not JSON`,
          `check that context \`${context}\` points at a Kubernetes API server`,
        );
      }
    },
  };
}

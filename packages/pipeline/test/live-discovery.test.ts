import { readFileSync } from "node:fs";
import { builtinResources, resourceKey } from "@rampart/core";
import { describe, expect, it } from "vitest";
import { conformancePath, describeConformance } from "../../../test-support/conformance.js";
import { discover, kubernetesMinor, mergeResources, parseGroupList, parseResourceList } from "../src/live/discovery.js";
import { KubeError } from "../src/live/kube-client.js";
import { extraResources } from "../src/live/pull.js";
import { loadRecording, RecordedClient } from "./live-recorded.js";

describe("discovery parsing", () => {
  it("reads the kubernetes minor version, also from managed clusters' `33+`", () => {
    expect(kubernetesMinor({ major: "1", minor: "33+", gitVersion: "v1.33.2-gke.1" })).toBe("1.33");
    expect(kubernetesMinor({ major: "", minor: "", gitVersion: "v1.29.4" })).toBe("1.29");
    expect(kubernetesMinor({ gitVersion: "unknown" })).toBeUndefined();
    expect(kubernetesMinor("not an object")).toBeUndefined();
  });

  it("orders each group's versions with the preferred one first", () => {
    const groups = parseGroupList({
      groups: [
        { name: "example.com", versions: [{ version: "v1beta1" }, { version: "v1" }], preferredVersion: { version: "v1" } },
        { name: "", versions: [{ version: "v1" }] },
        { name: "apps", versions: [{ version: "v1" }] },
      ],
    });
    expect(groups).toEqual([
      { name: "example.com", versions: ["v1", "v1beta1"] },
      { name: "apps", versions: ["v1"] },
    ]);
  });

  it("folds subresources into their resource and keeps the list's group (not a subresource's response group)", () => {
    const list = parseResourceList(loadRecording("kind-dev").responses["/api/v1"], "", "v1");
    const pods = list.find((r) => r.resource === "pods")!;
    expect(pods).toMatchObject({ group: "", version: "v1", kind: "Pod", namespaced: true });
    expect(pods.subresources).toEqual([
      { name: "eviction", verbs: ["create"] },
      { name: "exec", verbs: ["create", "get"] },
      { name: "log", verbs: ["get"] },
    ]);
    expect(list.map((r) => r.resource)).toEqual(["bindings", "configmaps", "namespaces", "nodes", "pods", "secrets", "services"]);
  });

  it("merges group-versions: the first (preferred) version of a resource wins", () => {
    const v1 = parseResourceList({ resources: [{ name: "widgets", kind: "Widget", namespaced: true, verbs: ["get", "list", "create"] }] }, "example.com", "v1");
    const beta = parseResourceList(
      {
        resources: [
          { name: "widgets", kind: "Widget", namespaced: true, verbs: ["get"] },
          { name: "olds", kind: "Old", namespaced: false, verbs: ["get"] },
        ],
      },
      "example.com",
      "v1beta1",
    );
    expect(mergeResources([v1, beta]).map((r) => `${r.resource}@${r.version}:${r.verbs.join(",")}`)).toEqual([
      "olds@v1beta1:get",
      "widgets@v1:create,get,list",
    ]);
  });
});

describe("discover (recorded kind cluster)", () => {
  it("finds every served resource, warns about an aggregated API that is down, and reports progress", async () => {
    const client = new RecordedClient(loadRecording("kind-dev"));
    const steps: string[] = [];
    const d = await discover(client, { onStep: (m) => steps.push(m) });
    expect(d.kubernetesVersion).toBe("1.33");
    expect(d.resources.map((r) => resourceKey(r.group, r.resource))).toEqual([
      "bindings",
      "configmaps",
      "namespaces",
      "nodes",
      "pods",
      "secrets",
      "services",
      "deployments.apps",
      "gadgets.example.com",
      "legacythings.example.com",
      "widgets.example.com",
    ]);
    expect(d.resources.find((r) => r.resource === "widgets")).toMatchObject({
      version: "v1",
      verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
      subresources: [{ name: "status" }],
    });
    expect(d.diagnostics).toHaveLength(1);
    expect(d.diagnostics[0]).toMatchObject({ code: "discovery-partial", severity: "warning", file: "<context kind-dev>" });
    expect(d.diagnostics[0]!.message).toContain("cannot discover `metrics.k8s.io/v1beta1` in context `kind-dev`");
    expect(steps).toEqual(["reading the server version", "discovering API groups", "discovering resources of 5 group-versions"]);
  });

  it("rejects when the server cannot be reached (not a partial result)", async () => {
    const rec = loadRecording("kind-dev");
    rec.responses["/apis/apps/v1"] = { $status: 0 };
    await expect(discover(new RecordedClient(rec))).rejects.toBeInstanceOf(KubeError);
  });

  it("lists only the resources that are not built in", async () => {
    const d = await discover(new RecordedClient(loadRecording("kind-dev")));
    expect(extraResources(d.resources)).toEqual([
      {
        group: "example.com",
        version: "v1",
        resource: "gadgets",
        kind: "Gadget",
        namespaced: false,
        verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
      },
      { group: "example.com", version: "v1beta1", resource: "legacythings", kind: "LegacyThing", namespaced: true, verbs: ["get", "list"] },
      {
        group: "example.com",
        version: "v1",
        resource: "widgets",
        kind: "Widget",
        namespaced: true,
        verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
        subresources: ["status"],
      },
    ]);
  });
});

describeConformance("discovery", "discovery of real kube-apiserver captures (cedar-access-control-for-k8s)", () => {
  const capture = (file: string) => JSON.parse(readFileSync(conformancePath("discovery/captured-cedar-access-control-for-k8s", file), "utf8")) as unknown;
  const groups = [
    { group: "apps", file: "apis.apps.v1.resourcelist.json" },
    { group: "authentication.k8s.io", file: "apis.authentication.k8s.io.v1.resourcelist.json" },
    { group: "rbac.authorization.k8s.io", file: "apis.rbac.authorization.k8s.io.v1.resourcelist.json" },
  ];
  /** The captures as a recording; read inside the test, so a clone without the corpus reads nothing. */
  const recording = () => ({
    context: "captured",
    server: "https://captured.invalid",
    responses: {
      "/version": { major: "1", minor: "31" },
      "/api": { versions: ["v1"] },
      "/api/v1": capture("api.v1.resourcelist.json"),
      "/apis": {
        groups: groups.map((g) => ({ name: g.group, versions: [{ groupVersion: `${g.group}/v1`, version: "v1" }], preferredVersion: { version: "v1" } })),
      },
      ...Object.fromEntries(groups.map((g) => [`/apis/${g.group}/v1`, capture(g.file)])),
    },
  });

  const AUTHZ_ONLY = new Set(["impersonate", "bind", "escalate", "approve", "sign", "attest", "use"]);

  it("matches the built-in inventory for every captured resource (verbs, scope, kind, subresources)", async () => {
    const d = await discover(new RecordedClient(recording()));
    expect(d.diagnostics).toEqual([]);
    expect(d.resources.length).toBe(28);
    const builtin = new Map(builtinResources().map((r) => [resourceKey(r.group, r.resource), r]));
    for (const r of d.resources) {
      const b = builtin.get(resourceKey(r.group, r.resource));
      expect(b, resourceKey(r.group, r.resource)).toBeDefined();
      expect({ kind: r.kind, namespaced: r.namespaced }).toEqual({ kind: b!.kind, namespaced: b!.namespaced });
      // the built-in inventory adds authorization-only verbs that discovery never lists
      expect(
        b!.verbs.filter((v) => !r.verbs.includes(v)).every((v) => AUTHZ_ONLY.has(v)),
        `${r.resource}: ${b!.verbs.join(",")}`,
      ).toBe(true);
      expect(r.verbs.filter((v) => !b!.verbs.includes(v))).toEqual([]);
      // the capture predates pods/resize (1.33); every captured subresource is built in with the same verbs
      const subs = new Map(b!.subresources.map((s) => [s.name, [...s.verbs].sort()]));
      for (const s of r.subresources) expect(subs.get(s.name), `${r.resource}/${s.name}`).toEqual(s.verbs);
      if (r.resource !== "pods") expect(r.subresources.length).toBe(b!.subresources.length);
    }
    expect(extraResources(d.resources)).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFiles, normaliseClusters } from "@rampart/core";

describe("Cluster spec.inventory", () => {
  it("resolves against the Cluster's file, not the process's working directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-cluster-"));
    mkdirSync(join(dir, "policies"));
    writeFileSync(
      join(dir, "policies/clusters.yaml"),
      "apiVersion: rampart.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: prod\nspec:\n  inventory: ../inventory/prod.yaml\n",
    );
    // Loaded with a cwd that is neither the process's nor the file's folder.
    const { documents, diagnostics } = await loadFiles(["policies"], { cwd: dir });
    expect(diagnostics).toEqual([]);
    const [cluster] = normaliseClusters(documents);
    expect(cluster?.source.file).toBe(join("policies", "clusters.yaml"));
    expect(cluster?.inventory).toBe(join(dir, "inventory/prod.yaml"));
  });
});

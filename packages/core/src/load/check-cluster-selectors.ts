import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { documentsOfKind, positionOf, type RampartDocument } from "../documents.js";
import { didYouMean } from "../did-you-mean.js";

const list = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(", ");

/**
 * Cross-document validation of `clusters` tag selectors: a selector that matches no Cluster
 * document, or names a tag key that no Cluster has, would silently drop its policy (and its
 * denies) from every cluster, so each is an error at the selector with a "did you mean" hint.
 */
export function checkClusterSelectors(documents: readonly RampartDocument[]): Diagnostic[] {
  const clusters = documentsOfKind(documents, "Cluster").map((c) => ({ name: c.metadata.name, tags: c.spec.tags ?? {} }));
  const keys = [...new Set(clusters.flatMap((c) => Object.keys(c.tags)))].sort();
  const out: Diagnostic[] = [];
  for (const doc of documents) {
    const selector = (doc.spec as { clusters?: Record<string, string> }).clusters;
    if (selector === undefined) continue;
    const what = `${doc.kind} \`${doc.metadata.name}\``;
    if (clusters.length === 0) {
      out.push(
        diagnostic(
          "cluster-selector-unmatched",
          "error",
          `${what} selects clusters by tags, but there are no Cluster documents: the implicit \`default\` cluster has no tags, so the policy applies nowhere`,
          positionOf(doc, ["spec", "clusters"]),
          "declare the clusters as Cluster documents with `spec.tags` and load them with the policies, or remove `clusters`",
        ),
      );
      continue;
    }
    let unknownKey = false;
    for (const key of Object.keys(selector).sort()) {
      if (keys.includes(key)) continue;
      unknownKey = true;
      const near = didYouMean(key, keys);
      out.push(
        diagnostic(
          "cluster-selector-unknown-tag",
          "error",
          `${what} selects clusters by tag \`${key}\`, which no Cluster has${near ? `; ${near}` : ""}`,
          positionOf(doc, ["spec", "clusters", key], true),
          keys.length ? `the Clusters' tag keys are ${list(keys)}` : "no Cluster has tags: add `spec.tags` to the Cluster documents",
        ),
      );
    }
    if (unknownKey) continue;
    if (clusters.some((c) => Object.entries(selector).every(([k, v]) => c.tags[k] === v))) continue;
    // Every key exists: some value is wrong. Point at the first key whose value no Cluster has.
    const key = Object.keys(selector)
      .sort()
      .find((k) => !clusters.some((c) => c.tags[k] === selector[k]));
    if (key !== undefined) {
      const values = [...new Set(clusters.flatMap((c) => (c.tags[key] === undefined ? [] : [c.tags[key]!])))].sort();
      const near = didYouMean(selector[key]!, values);
      out.push(
        diagnostic(
          "cluster-selector-unmatched",
          "error",
          `${what} selects clusters with \`${key}: ${selector[key]}\`, which no Cluster has${near ? `; ${near}` : ""}`,
          positionOf(doc, ["spec", "clusters", key]),
          `Clusters have \`${key}\` ${list(values)}`,
        ),
      );
    } else {
      const tags = clusters
        .map(
          (c) =>
            `\`${c.name}\` {${Object.entries(c.tags)
              .map(([k, v]) => `${k}: ${v}`)
              .join(", ")}}`,
        )
        .join(", ");
      out.push(
        diagnostic(
          "cluster-selector-unmatched",
          "error",
          `${what} selects clusters with {${Object.entries(selector)
            .map(([k, v]) => `${k}: ${v}`)
            .join(", ")}}, which no single Cluster has: the policy applies nowhere`,
          positionOf(doc, ["spec", "clusters"]),
          `the clusters are ${tags}`,
        ),
      );
    }
  }
  return out;
}

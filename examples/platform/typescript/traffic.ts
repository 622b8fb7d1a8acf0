// Network segmentation and the metadata block (same documents as ../policies/traffic.yaml).
import { trafficPolicy } from "@rampart/core";

export default [
  trafficPolicy("segmentation", {
    namespaces: ["payments", "search", "web", "data"],
    defaultDeny: ["ingress", "egress"],
    allow: [
      { direction: "egress", to: [{ dns: true }] },
      { direction: "egress", to: [{ cidr: "0.0.0.0/0" }], ports: ["443/TCP"] },
    ],
    deny: [{ direction: "egress", to: [{ cidr: "169.254.169.254/32" }] }],
  }),
  trafficPolicy("payments-api", {
    namespaces: ["payments"],
    defaultDeny: ["ingress", "egress"],
    allow: [{ direction: "ingress", to: { pods: { app: "api" } }, from: [{ namespace: "web", pods: { app: "frontend" } }], ports: ["8080/TCP"] }],
  }),
  trafficPolicy("web-frontend", {
    namespaces: ["web"],
    defaultDeny: ["ingress", "egress"],
    allow: [
      { direction: "ingress", to: { pods: { app: "frontend" } }, from: [{ cidr: "10.0.0.0/8" }], ports: ["8443/TCP"] },
      { direction: "egress", from: { pods: { app: "frontend" } }, to: [{ namespace: "payments", pods: { app: "api" } }], ports: ["8080/TCP"] },
    ],
  }),
];

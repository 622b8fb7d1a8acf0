// The policy variables: the pod spec, its annotations and its containers, extracted once per
// admission and shared by every validation.

/** Pod spec of a Pod or of the pod template of a controller (CronJob: `spec.jobTemplate.spec.template`). */
const POD_SPEC = 'object.kind == "Pod" ? object.spec : (object.kind == "CronJob" ? object.spec.jobTemplate.spec.template.spec : object.spec.template.spec)';
const POD_ANNOTATIONS =
  'object.kind == "Pod" ? object.metadata.?annotations.orValue({}) : (object.kind == "CronJob" ? object.spec.jobTemplate.spec.template.?metadata.?annotations.orValue({}) : object.spec.template.?metadata.?annotations.orValue({}))';

/** The variables every rampart ValidatingAdmissionPolicy declares, in evaluation order. */
export const POLICY_VARIABLES: readonly { readonly name: string; readonly expression: string }[] = [
  { name: "podSpec", expression: POD_SPEC },
  { name: "podAnnotations", expression: POD_ANNOTATIONS },
  {
    name: "containers",
    expression: "variables.podSpec.containers + variables.podSpec.?initContainers.orValue([]) + variables.podSpec.?ephemeralContainers.orValue([])",
  },
  { name: "resourceContainers", expression: "variables.podSpec.containers + variables.podSpec.?initContainers.orValue([])" },
  {
    name: "subject",
    expression:
      'object.kind + " " + (request.namespace == "" ? "" : request.namespace + "/") + object.metadata.?name.orValue(object.metadata.?generateName.orValue("") + "*")',
  },
];

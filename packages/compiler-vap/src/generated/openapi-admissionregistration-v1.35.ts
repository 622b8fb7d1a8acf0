// Generated from packages/compiler-vap/data/openapi-admissionregistration-v1.35.json by scripts/openapi-validators.mjs with ajv 8.20.0's standalone code: do not edit (`pnpm build` regenerates it).
// @ts-nocheck
/* eslint-disable */
export const ValidatingAdmissionPolicy = validate0;
const schema0 = {"$ref":"k8s#/components/schemas/io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicy"};
const schema2 = {"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"}],"default":{}},"spec":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicySpec"}],"default":{}},"status":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyStatus"}],"default":{}}},"type":"object","x-kubernetes-group-version-kind":[{"group":"admissionregistration.k8s.io","kind":"ValidatingAdmissionPolicy","version":"v1"}],"additionalProperties":false};
const schema3 = {"properties":{"annotations":{"additionalProperties":{"default":"","type":"string"},"type":"object"},"creationTimestamp":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time"}]},"deletionGracePeriodSeconds":{"format":"int64","type":"integer"},"deletionTimestamp":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time"}]},"finalizers":{"items":{"default":"","type":"string"},"type":"array","x-kubernetes-list-type":"set","x-kubernetes-patch-strategy":"merge"},"generateName":{"type":"string"},"generation":{"format":"int64","type":"integer"},"labels":{"additionalProperties":{"default":"","type":"string"},"type":"object"},"managedFields":{"items":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry"}],"default":{}},"type":"array","x-kubernetes-list-type":"atomic"},"name":{"type":"string"},"namespace":{"type":"string"},"ownerReferences":{"items":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference"}],"default":{}},"type":"array","x-kubernetes-list-map-keys":["uid"],"x-kubernetes-list-type":"map","x-kubernetes-patch-merge-key":"uid","x-kubernetes-patch-strategy":"merge"},"resourceVersion":{"type":"string"},"selfLink":{"type":"string"},"uid":{"type":"string"}},"type":"object","additionalProperties":false};
const schema4 = {"format":"date-time","type":"string"};
const schema9 = {"properties":{"apiVersion":{"default":"","type":"string"},"blockOwnerDeletion":{"type":"boolean"},"controller":{"type":"boolean"},"kind":{"default":"","type":"string"},"name":{"default":"","type":"string"},"uid":{"default":"","type":"string"}},"required":["apiVersion","kind","name","uid"],"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false};
const func0 = Object.prototype.hasOwnProperty;
const schema6 = {"properties":{"apiVersion":{"type":"string"},"fieldsType":{"type":"string"},"fieldsV1":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1"}]},"manager":{"type":"string"},"operation":{"type":"string"},"subresource":{"type":"string"},"time":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time"}]}},"type":"object","additionalProperties":false};
const schema7 = {"type":"object"};

function validate4(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((((((key0 === "apiVersion") || (key0 === "fieldsType")) || (key0 === "fieldsV1")) || (key0 === "manager")) || (key0 === "operation")) || (key0 === "subresource")) || (key0 === "time"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.apiVersion !== undefined){
if(typeof data.apiVersion !== "string"){
const err1 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.fieldsType !== undefined){
if(typeof data.fieldsType !== "string"){
const err2 = {instancePath:instancePath+"/fieldsType",schemaPath:"#/properties/fieldsType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.fieldsV1 !== undefined){
let data2 = data.fieldsV1;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err3 = {instancePath:instancePath+"/fieldsV1",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.manager !== undefined){
if(typeof data.manager !== "string"){
const err4 = {instancePath:instancePath+"/manager",schemaPath:"#/properties/manager/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.operation !== undefined){
if(typeof data.operation !== "string"){
const err5 = {instancePath:instancePath+"/operation",schemaPath:"#/properties/operation/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.subresource !== undefined){
if(typeof data.subresource !== "string"){
const err6 = {instancePath:instancePath+"/subresource",schemaPath:"#/properties/subresource/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.time !== undefined){
if(!(typeof data.time === "string")){
const err7 = {instancePath:instancePath+"/time",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate4.errors = vErrors;
return errors === 0;
}


function validate3(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func0.call(schema3.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.annotations !== undefined){
let data0 = data.annotations;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key1 in data0){
if(typeof data0[key1] !== "string"){
const err1 = {instancePath:instancePath+"/annotations/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/annotations/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.creationTimestamp !== undefined){
if(!(typeof data.creationTimestamp === "string")){
const err3 = {instancePath:instancePath+"/creationTimestamp",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.deletionGracePeriodSeconds !== undefined){
let data3 = data.deletionGracePeriodSeconds;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
const err4 = {instancePath:instancePath+"/deletionGracePeriodSeconds",schemaPath:"#/properties/deletionGracePeriodSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.deletionTimestamp !== undefined){
if(!(typeof data.deletionTimestamp === "string")){
const err5 = {instancePath:instancePath+"/deletionTimestamp",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.finalizers !== undefined){
let data5 = data.finalizers;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
if(typeof data5[i0] !== "string"){
const err6 = {instancePath:instancePath+"/finalizers/" + i0,schemaPath:"#/properties/finalizers/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/finalizers",schemaPath:"#/properties/finalizers/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.generateName !== undefined){
if(typeof data.generateName !== "string"){
const err8 = {instancePath:instancePath+"/generateName",schemaPath:"#/properties/generateName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.generation !== undefined){
let data8 = data.generation;
if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){
const err9 = {instancePath:instancePath+"/generation",schemaPath:"#/properties/generation/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.labels !== undefined){
let data9 = data.labels;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key2 in data9){
if(typeof data9[key2] !== "string"){
const err10 = {instancePath:instancePath+"/labels/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.managedFields !== undefined){
let data11 = data.managedFields;
if(Array.isArray(data11)){
const len1 = data11.length;
for(let i1=0; i1<len1; i1++){
if(!(validate4(data11[i1], {instancePath:instancePath+"/managedFields/" + i1,parentData:data11,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate4.errors : vErrors.concat(validate4.errors);
errors = vErrors.length;
}
}
}
else {
const err12 = {instancePath:instancePath+"/managedFields",schemaPath:"#/properties/managedFields/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err13 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.namespace !== undefined){
if(typeof data.namespace !== "string"){
const err14 = {instancePath:instancePath+"/namespace",schemaPath:"#/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.ownerReferences !== undefined){
let data15 = data.ownerReferences;
if(Array.isArray(data15)){
const len2 = data15.length;
for(let i2=0; i2<len2; i2++){
let data16 = data15[i2];
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
if(data16.apiVersion === undefined){
const err15 = {instancePath:instancePath+"/ownerReferences/" + i2,schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data16.kind === undefined){
const err16 = {instancePath:instancePath+"/ownerReferences/" + i2,schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data16.name === undefined){
const err17 = {instancePath:instancePath+"/ownerReferences/" + i2,schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data16.uid === undefined){
const err18 = {instancePath:instancePath+"/ownerReferences/" + i2,schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference/required",keyword:"required",params:{missingProperty: "uid"},message:"must have required property '"+"uid"+"'"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
for(const key3 in data16){
if(!((((((key3 === "apiVersion") || (key3 === "blockOwnerDeletion")) || (key3 === "controller")) || (key3 === "kind")) || (key3 === "name")) || (key3 === "uid"))){
const err19 = {instancePath:instancePath+"/ownerReferences/" + i2,schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data16.apiVersion !== undefined){
if(typeof data16.apiVersion !== "string"){
const err20 = {instancePath:instancePath+"/ownerReferences/" + i2+"/apiVersion",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data16.blockOwnerDeletion !== undefined){
if(typeof data16.blockOwnerDeletion !== "boolean"){
const err21 = {instancePath:instancePath+"/ownerReferences/" + i2+"/blockOwnerDeletion",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference/properties/blockOwnerDeletion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data16.controller !== undefined){
if(typeof data16.controller !== "boolean"){
const err22 = {instancePath:instancePath+"/ownerReferences/" + i2+"/controller",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference/properties/controller/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data16.kind !== undefined){
if(typeof data16.kind !== "string"){
const err23 = {instancePath:instancePath+"/ownerReferences/" + i2+"/kind",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data16.name !== undefined){
if(typeof data16.name !== "string"){
const err24 = {instancePath:instancePath+"/ownerReferences/" + i2+"/name",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data16.uid !== undefined){
if(typeof data16.uid !== "string"){
const err25 = {instancePath:instancePath+"/ownerReferences/" + i2+"/uid",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference/properties/uid/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/ownerReferences/" + i2,schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/ownerReferences",schemaPath:"#/properties/ownerReferences/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.resourceVersion !== undefined){
if(typeof data.resourceVersion !== "string"){
const err28 = {instancePath:instancePath+"/resourceVersion",schemaPath:"#/properties/resourceVersion/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.selfLink !== undefined){
if(typeof data.selfLink !== "string"){
const err29 = {instancePath:instancePath+"/selfLink",schemaPath:"#/properties/selfLink/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.uid !== undefined){
if(typeof data.uid !== "string"){
const err30 = {instancePath:instancePath+"/uid",schemaPath:"#/properties/uid/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
validate3.errors = vErrors;
return errors === 0;
}

const schema10 = {"properties":{"auditAnnotations":{"items":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.AuditAnnotation"}],"default":{}},"type":"array","x-kubernetes-list-type":"atomic"},"failurePolicy":{"type":"string"},"matchConditions":{"items":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.MatchCondition"}],"default":{}},"type":"array","x-kubernetes-list-map-keys":["name"],"x-kubernetes-list-type":"map","x-kubernetes-patch-merge-key":"name","x-kubernetes-patch-strategy":"merge"},"matchConstraints":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.MatchResources"}]},"paramKind":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.ParamKind"}]},"validations":{"items":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.Validation"}],"default":{}},"type":"array","x-kubernetes-list-type":"atomic"},"variables":{"items":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.Variable"}],"default":{}},"type":"array","x-kubernetes-list-map-keys":["name"],"x-kubernetes-list-type":"map","x-kubernetes-patch-merge-key":"name","x-kubernetes-patch-strategy":"merge"}},"type":"object","additionalProperties":false};
const schema11 = {"properties":{"key":{"default":"","type":"string"},"valueExpression":{"default":"","type":"string"}},"required":["key","valueExpression"],"type":"object","additionalProperties":false};
const schema12 = {"properties":{"expression":{"default":"","type":"string"},"name":{"default":"","type":"string"}},"required":["name","expression"],"type":"object","additionalProperties":false};
const schema18 = {"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false};
const schema19 = {"properties":{"expression":{"default":"","type":"string"},"message":{"type":"string"},"messageExpression":{"type":"string"},"reason":{"type":"string"}},"required":["expression"],"type":"object","additionalProperties":false};
const schema20 = {"properties":{"expression":{"default":"","type":"string"},"name":{"default":"","type":"string"}},"required":["name","expression"],"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false};
const schema13 = {"properties":{"excludeResourceRules":{"items":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations"}],"default":{}},"type":"array","x-kubernetes-list-type":"atomic"},"matchPolicy":{"type":"string"},"namespaceSelector":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"}]},"objectSelector":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"}]},"resourceRules":{"items":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations"}],"default":{}},"type":"array","x-kubernetes-list-type":"atomic"}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false};
const schema14 = {"properties":{"apiGroups":{"items":{"default":"","type":"string"},"type":"array","x-kubernetes-list-type":"atomic"},"apiVersions":{"items":{"default":"","type":"string"},"type":"array","x-kubernetes-list-type":"atomic"},"operations":{"items":{"default":"","type":"string"},"type":"array","x-kubernetes-list-type":"atomic"},"resourceNames":{"items":{"default":"","type":"string"},"type":"array","x-kubernetes-list-type":"atomic"},"resources":{"items":{"default":"","type":"string"},"type":"array","x-kubernetes-list-type":"atomic"},"scope":{"type":"string"}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false};
const schema15 = {"properties":{"matchExpressions":{"items":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement"}],"default":{}},"type":"array","x-kubernetes-list-type":"atomic"},"matchLabels":{"additionalProperties":{"default":"","type":"string"},"type":"object"}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false};
const schema16 = {"properties":{"key":{"default":"","type":"string"},"operator":{"default":"","type":"string"},"values":{"items":{"default":"","type":"string"},"type":"array","x-kubernetes-list-type":"atomic"}},"required":["key","operator"],"type":"object","additionalProperties":false};

function validate9(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((key0 === "matchExpressions") || (key0 === "matchLabels"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.matchExpressions !== undefined){
let data0 = data.matchExpressions;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.key === undefined){
const err1 = {instancePath:instancePath+"/matchExpressions/" + i0,schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data1.operator === undefined){
const err2 = {instancePath:instancePath+"/matchExpressions/" + i0,schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key1 in data1){
if(!(((key1 === "key") || (key1 === "operator")) || (key1 === "values"))){
const err3 = {instancePath:instancePath+"/matchExpressions/" + i0,schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data1.key !== undefined){
if(typeof data1.key !== "string"){
const err4 = {instancePath:instancePath+"/matchExpressions/" + i0+"/key",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data1.operator !== undefined){
if(typeof data1.operator !== "string"){
const err5 = {instancePath:instancePath+"/matchExpressions/" + i0+"/operator",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data1.values !== undefined){
let data4 = data1.values;
if(Array.isArray(data4)){
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
if(typeof data4[i1] !== "string"){
const err6 = {instancePath:instancePath+"/matchExpressions/" + i0+"/values/" + i1,schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/matchExpressions/" + i0+"/values",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/matchExpressions/" + i0,schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/matchExpressions",schemaPath:"#/properties/matchExpressions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.matchLabels !== undefined){
let data6 = data.matchLabels;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key2 in data6){
if(typeof data6[key2] !== "string"){
const err10 = {instancePath:instancePath+"/matchLabels/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/matchLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/matchLabels",schemaPath:"#/properties/matchLabels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
validate9.errors = vErrors;
return errors === 0;
}


function validate8(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((((key0 === "excludeResourceRules") || (key0 === "matchPolicy")) || (key0 === "namespaceSelector")) || (key0 === "objectSelector")) || (key0 === "resourceRules"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.excludeResourceRules !== undefined){
let data0 = data.excludeResourceRules;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(!((((((key1 === "apiGroups") || (key1 === "apiVersions")) || (key1 === "operations")) || (key1 === "resourceNames")) || (key1 === "resources")) || (key1 === "scope"))){
const err1 = {instancePath:instancePath+"/excludeResourceRules/" + i0,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data1.apiGroups !== undefined){
let data2 = data1.apiGroups;
if(Array.isArray(data2)){
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
if(typeof data2[i1] !== "string"){
const err2 = {instancePath:instancePath+"/excludeResourceRules/" + i0+"/apiGroups/" + i1,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/apiGroups/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath:instancePath+"/excludeResourceRules/" + i0+"/apiGroups",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/apiGroups/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data1.apiVersions !== undefined){
let data4 = data1.apiVersions;
if(Array.isArray(data4)){
const len2 = data4.length;
for(let i2=0; i2<len2; i2++){
if(typeof data4[i2] !== "string"){
const err4 = {instancePath:instancePath+"/excludeResourceRules/" + i0+"/apiVersions/" + i2,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/apiVersions/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/excludeResourceRules/" + i0+"/apiVersions",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/apiVersions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data1.operations !== undefined){
let data6 = data1.operations;
if(Array.isArray(data6)){
const len3 = data6.length;
for(let i3=0; i3<len3; i3++){
if(typeof data6[i3] !== "string"){
const err6 = {instancePath:instancePath+"/excludeResourceRules/" + i0+"/operations/" + i3,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/operations/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/excludeResourceRules/" + i0+"/operations",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/operations/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data1.resourceNames !== undefined){
let data8 = data1.resourceNames;
if(Array.isArray(data8)){
const len4 = data8.length;
for(let i4=0; i4<len4; i4++){
if(typeof data8[i4] !== "string"){
const err8 = {instancePath:instancePath+"/excludeResourceRules/" + i0+"/resourceNames/" + i4,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/resourceNames/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/excludeResourceRules/" + i0+"/resourceNames",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/resourceNames/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data1.resources !== undefined){
let data10 = data1.resources;
if(Array.isArray(data10)){
const len5 = data10.length;
for(let i5=0; i5<len5; i5++){
if(typeof data10[i5] !== "string"){
const err10 = {instancePath:instancePath+"/excludeResourceRules/" + i0+"/resources/" + i5,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/resources/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/excludeResourceRules/" + i0+"/resources",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/resources/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data1.scope !== undefined){
if(typeof data1.scope !== "string"){
const err12 = {instancePath:instancePath+"/excludeResourceRules/" + i0+"/scope",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/scope/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/excludeResourceRules/" + i0,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/excludeResourceRules",schemaPath:"#/properties/excludeResourceRules/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.matchPolicy !== undefined){
if(typeof data.matchPolicy !== "string"){
const err15 = {instancePath:instancePath+"/matchPolicy",schemaPath:"#/properties/matchPolicy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.namespaceSelector !== undefined){
if(!(validate9(data.namespaceSelector, {instancePath:instancePath+"/namespaceSelector",parentData:data,parentDataProperty:"namespaceSelector",rootData}))){
vErrors = vErrors === null ? validate9.errors : vErrors.concat(validate9.errors);
errors = vErrors.length;
}
}
if(data.objectSelector !== undefined){
if(!(validate9(data.objectSelector, {instancePath:instancePath+"/objectSelector",parentData:data,parentDataProperty:"objectSelector",rootData}))){
vErrors = vErrors === null ? validate9.errors : vErrors.concat(validate9.errors);
errors = vErrors.length;
}
}
if(data.resourceRules !== undefined){
let data16 = data.resourceRules;
if(Array.isArray(data16)){
const len6 = data16.length;
for(let i6=0; i6<len6; i6++){
let data17 = data16[i6];
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
for(const key2 in data17){
if(!((((((key2 === "apiGroups") || (key2 === "apiVersions")) || (key2 === "operations")) || (key2 === "resourceNames")) || (key2 === "resources")) || (key2 === "scope"))){
const err16 = {instancePath:instancePath+"/resourceRules/" + i6,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data17.apiGroups !== undefined){
let data18 = data17.apiGroups;
if(Array.isArray(data18)){
const len7 = data18.length;
for(let i7=0; i7<len7; i7++){
if(typeof data18[i7] !== "string"){
const err17 = {instancePath:instancePath+"/resourceRules/" + i6+"/apiGroups/" + i7,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/apiGroups/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/resourceRules/" + i6+"/apiGroups",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/apiGroups/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data17.apiVersions !== undefined){
let data20 = data17.apiVersions;
if(Array.isArray(data20)){
const len8 = data20.length;
for(let i8=0; i8<len8; i8++){
if(typeof data20[i8] !== "string"){
const err19 = {instancePath:instancePath+"/resourceRules/" + i6+"/apiVersions/" + i8,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/apiVersions/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/resourceRules/" + i6+"/apiVersions",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/apiVersions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data17.operations !== undefined){
let data22 = data17.operations;
if(Array.isArray(data22)){
const len9 = data22.length;
for(let i9=0; i9<len9; i9++){
if(typeof data22[i9] !== "string"){
const err21 = {instancePath:instancePath+"/resourceRules/" + i6+"/operations/" + i9,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/operations/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/resourceRules/" + i6+"/operations",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/operations/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data17.resourceNames !== undefined){
let data24 = data17.resourceNames;
if(Array.isArray(data24)){
const len10 = data24.length;
for(let i10=0; i10<len10; i10++){
if(typeof data24[i10] !== "string"){
const err23 = {instancePath:instancePath+"/resourceRules/" + i6+"/resourceNames/" + i10,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/resourceNames/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/resourceRules/" + i6+"/resourceNames",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/resourceNames/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data17.resources !== undefined){
let data26 = data17.resources;
if(Array.isArray(data26)){
const len11 = data26.length;
for(let i11=0; i11<len11; i11++){
if(typeof data26[i11] !== "string"){
const err25 = {instancePath:instancePath+"/resourceRules/" + i6+"/resources/" + i11,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/resources/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/resourceRules/" + i6+"/resources",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/resources/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data17.scope !== undefined){
if(typeof data17.scope !== "string"){
const err27 = {instancePath:instancePath+"/resourceRules/" + i6+"/scope",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/properties/scope/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/resourceRules/" + i6,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.NamedRuleWithOperations/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/resourceRules",schemaPath:"#/properties/resourceRules/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
validate8.errors = vErrors;
return errors === 0;
}


function validate7(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((((((key0 === "auditAnnotations") || (key0 === "failurePolicy")) || (key0 === "matchConditions")) || (key0 === "matchConstraints")) || (key0 === "paramKind")) || (key0 === "validations")) || (key0 === "variables"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.auditAnnotations !== undefined){
let data0 = data.auditAnnotations;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.key === undefined){
const err1 = {instancePath:instancePath+"/auditAnnotations/" + i0,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.AuditAnnotation/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data1.valueExpression === undefined){
const err2 = {instancePath:instancePath+"/auditAnnotations/" + i0,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.AuditAnnotation/required",keyword:"required",params:{missingProperty: "valueExpression"},message:"must have required property '"+"valueExpression"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key1 in data1){
if(!((key1 === "key") || (key1 === "valueExpression"))){
const err3 = {instancePath:instancePath+"/auditAnnotations/" + i0,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.AuditAnnotation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data1.key !== undefined){
if(typeof data1.key !== "string"){
const err4 = {instancePath:instancePath+"/auditAnnotations/" + i0+"/key",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.AuditAnnotation/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data1.valueExpression !== undefined){
if(typeof data1.valueExpression !== "string"){
const err5 = {instancePath:instancePath+"/auditAnnotations/" + i0+"/valueExpression",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.AuditAnnotation/properties/valueExpression/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/auditAnnotations/" + i0,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.AuditAnnotation/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/auditAnnotations",schemaPath:"#/properties/auditAnnotations/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.failurePolicy !== undefined){
if(typeof data.failurePolicy !== "string"){
const err8 = {instancePath:instancePath+"/failurePolicy",schemaPath:"#/properties/failurePolicy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.matchConditions !== undefined){
let data5 = data.matchConditions;
if(Array.isArray(data5)){
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
let data6 = data5[i1];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.name === undefined){
const err9 = {instancePath:instancePath+"/matchConditions/" + i1,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.MatchCondition/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data6.expression === undefined){
const err10 = {instancePath:instancePath+"/matchConditions/" + i1,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.MatchCondition/required",keyword:"required",params:{missingProperty: "expression"},message:"must have required property '"+"expression"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
for(const key2 in data6){
if(!((key2 === "expression") || (key2 === "name"))){
const err11 = {instancePath:instancePath+"/matchConditions/" + i1,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.MatchCondition/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data6.expression !== undefined){
if(typeof data6.expression !== "string"){
const err12 = {instancePath:instancePath+"/matchConditions/" + i1+"/expression",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.MatchCondition/properties/expression/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data6.name !== undefined){
if(typeof data6.name !== "string"){
const err13 = {instancePath:instancePath+"/matchConditions/" + i1+"/name",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.MatchCondition/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/matchConditions/" + i1,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.MatchCondition/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/matchConditions",schemaPath:"#/properties/matchConditions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.matchConstraints !== undefined){
if(!(validate8(data.matchConstraints, {instancePath:instancePath+"/matchConstraints",parentData:data,parentDataProperty:"matchConstraints",rootData}))){
vErrors = vErrors === null ? validate8.errors : vErrors.concat(validate8.errors);
errors = vErrors.length;
}
}
if(data.paramKind !== undefined){
let data10 = data.paramKind;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key3 in data10){
if(!((key3 === "apiVersion") || (key3 === "kind"))){
const err16 = {instancePath:instancePath+"/paramKind",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.ParamKind/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data10.apiVersion !== undefined){
if(typeof data10.apiVersion !== "string"){
const err17 = {instancePath:instancePath+"/paramKind/apiVersion",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.ParamKind/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data10.kind !== undefined){
if(typeof data10.kind !== "string"){
const err18 = {instancePath:instancePath+"/paramKind/kind",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.ParamKind/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/paramKind",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.ParamKind/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.validations !== undefined){
let data13 = data.validations;
if(Array.isArray(data13)){
const len2 = data13.length;
for(let i2=0; i2<len2; i2++){
let data14 = data13[i2];
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.expression === undefined){
const err20 = {instancePath:instancePath+"/validations/" + i2,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.Validation/required",keyword:"required",params:{missingProperty: "expression"},message:"must have required property '"+"expression"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
for(const key4 in data14){
if(!((((key4 === "expression") || (key4 === "message")) || (key4 === "messageExpression")) || (key4 === "reason"))){
const err21 = {instancePath:instancePath+"/validations/" + i2,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.Validation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data14.expression !== undefined){
if(typeof data14.expression !== "string"){
const err22 = {instancePath:instancePath+"/validations/" + i2+"/expression",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.Validation/properties/expression/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data14.message !== undefined){
if(typeof data14.message !== "string"){
const err23 = {instancePath:instancePath+"/validations/" + i2+"/message",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.Validation/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data14.messageExpression !== undefined){
if(typeof data14.messageExpression !== "string"){
const err24 = {instancePath:instancePath+"/validations/" + i2+"/messageExpression",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.Validation/properties/messageExpression/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data14.reason !== undefined){
if(typeof data14.reason !== "string"){
const err25 = {instancePath:instancePath+"/validations/" + i2+"/reason",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.Validation/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/validations/" + i2,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.Validation/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/validations",schemaPath:"#/properties/validations/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.variables !== undefined){
let data19 = data.variables;
if(Array.isArray(data19)){
const len3 = data19.length;
for(let i3=0; i3<len3; i3++){
let data20 = data19[i3];
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
if(data20.name === undefined){
const err28 = {instancePath:instancePath+"/variables/" + i3,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.Variable/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data20.expression === undefined){
const err29 = {instancePath:instancePath+"/variables/" + i3,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.Variable/required",keyword:"required",params:{missingProperty: "expression"},message:"must have required property '"+"expression"+"'"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
for(const key5 in data20){
if(!((key5 === "expression") || (key5 === "name"))){
const err30 = {instancePath:instancePath+"/variables/" + i3,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.Variable/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data20.expression !== undefined){
if(typeof data20.expression !== "string"){
const err31 = {instancePath:instancePath+"/variables/" + i3+"/expression",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.Variable/properties/expression/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data20.name !== undefined){
if(typeof data20.name !== "string"){
const err32 = {instancePath:instancePath+"/variables/" + i3+"/name",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.Variable/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/variables/" + i3,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.Variable/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/variables",schemaPath:"#/properties/variables/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
validate7.errors = vErrors;
return errors === 0;
}

const schema21 = {"properties":{"conditions":{"items":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Condition"}],"default":{}},"type":"array","x-kubernetes-list-map-keys":["type"],"x-kubernetes-list-type":"map"},"observedGeneration":{"format":"int64","type":"integer"},"typeChecking":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.TypeChecking"}]}},"type":"object","additionalProperties":false};
const schema22 = {"properties":{"lastTransitionTime":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time"}]},"message":{"default":"","type":"string"},"observedGeneration":{"format":"int64","type":"integer"},"reason":{"default":"","type":"string"},"status":{"default":"","type":"string"},"type":{"default":"","type":"string"}},"required":["type","status","lastTransitionTime","reason","message"],"type":"object","additionalProperties":false};

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.status === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.lastTransitionTime === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "lastTransitionTime"},message:"must have required property '"+"lastTransitionTime"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.reason === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.message === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "lastTransitionTime") || (key0 === "message")) || (key0 === "observedGeneration")) || (key0 === "reason")) || (key0 === "status")) || (key0 === "type"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.lastTransitionTime !== undefined){
if(!(typeof data.lastTransitionTime === "string")){
const err6 = {instancePath:instancePath+"/lastTransitionTime",schemaPath:"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.message !== undefined){
if(typeof data.message !== "string"){
const err7 = {instancePath:instancePath+"/message",schemaPath:"#/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.observedGeneration !== undefined){
let data2 = data.observedGeneration;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
const err8 = {instancePath:instancePath+"/observedGeneration",schemaPath:"#/properties/observedGeneration/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.reason !== undefined){
if(typeof data.reason !== "string"){
const err9 = {instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.status !== undefined){
if(typeof data.status !== "string"){
const err10 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.type !== undefined){
if(typeof data.type !== "string"){
const err11 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
validate15.errors = vErrors;
return errors === 0;
}

const schema24 = {"properties":{"expressionWarnings":{"items":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.ExpressionWarning"}],"default":{}},"type":"array","x-kubernetes-list-type":"atomic"}},"type":"object","additionalProperties":false};
const schema25 = {"properties":{"fieldRef":{"default":"","type":"string"},"warning":{"default":"","type":"string"}},"required":["fieldRef","warning"],"type":"object","additionalProperties":false};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(key0 === "expressionWarnings")){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.expressionWarnings !== undefined){
let data0 = data.expressionWarnings;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.fieldRef === undefined){
const err1 = {instancePath:instancePath+"/expressionWarnings/" + i0,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.ExpressionWarning/required",keyword:"required",params:{missingProperty: "fieldRef"},message:"must have required property '"+"fieldRef"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data1.warning === undefined){
const err2 = {instancePath:instancePath+"/expressionWarnings/" + i0,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.ExpressionWarning/required",keyword:"required",params:{missingProperty: "warning"},message:"must have required property '"+"warning"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key1 in data1){
if(!((key1 === "fieldRef") || (key1 === "warning"))){
const err3 = {instancePath:instancePath+"/expressionWarnings/" + i0,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.ExpressionWarning/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data1.fieldRef !== undefined){
if(typeof data1.fieldRef !== "string"){
const err4 = {instancePath:instancePath+"/expressionWarnings/" + i0+"/fieldRef",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.ExpressionWarning/properties/fieldRef/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data1.warning !== undefined){
if(typeof data1.warning !== "string"){
const err5 = {instancePath:instancePath+"/expressionWarnings/" + i0+"/warning",schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.ExpressionWarning/properties/warning/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/expressionWarnings/" + i0,schemaPath:"#/components/schemas/io.k8s.api.admissionregistration.v1.ExpressionWarning/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/expressionWarnings",schemaPath:"#/properties/expressionWarnings/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate17.errors = vErrors;
return errors === 0;
}


function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((key0 === "conditions") || (key0 === "observedGeneration")) || (key0 === "typeChecking"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.conditions !== undefined){
let data0 = data.conditions;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(!(validate15(data0[i0], {instancePath:instancePath+"/conditions/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
}
}
else {
const err1 = {instancePath:instancePath+"/conditions",schemaPath:"#/properties/conditions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.observedGeneration !== undefined){
let data2 = data.observedGeneration;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
const err2 = {instancePath:instancePath+"/observedGeneration",schemaPath:"#/properties/observedGeneration/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.typeChecking !== undefined){
if(!(validate17(data.typeChecking, {instancePath:instancePath+"/typeChecking",parentData:data,parentDataProperty:"typeChecking",rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate14.errors = vErrors;
return errors === 0;
}


function validate2(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec")) || (key0 === "status"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.apiVersion !== undefined){
if(typeof data.apiVersion !== "string"){
const err1 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.kind !== undefined){
if(typeof data.kind !== "string"){
const err2 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.metadata !== undefined){
if(!(validate3(data.metadata, {instancePath:instancePath+"/metadata",parentData:data,parentDataProperty:"metadata",rootData}))){
vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);
errors = vErrors.length;
}
}
if(data.spec !== undefined){
if(!(validate7(data.spec, {instancePath:instancePath+"/spec",parentData:data,parentDataProperty:"spec",rootData}))){
vErrors = vErrors === null ? validate7.errors : vErrors.concat(validate7.errors);
errors = vErrors.length;
}
}
if(data.status !== undefined){
if(!(validate14(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate2.errors = vErrors;
return errors === 0;
}


function validate0(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(!(validate2(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate2.errors : vErrors.concat(validate2.errors);
errors = vErrors.length;
}
validate0.errors = vErrors;
return errors === 0;
}

export const ValidatingAdmissionPolicyBinding = validate21;
const schema26 = {"$ref":"k8s#/components/schemas/io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyBinding"};
const schema27 = {"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"}],"default":{}},"spec":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyBindingSpec"}],"default":{}}},"type":"object","x-kubernetes-group-version-kind":[{"group":"admissionregistration.k8s.io","kind":"ValidatingAdmissionPolicyBinding","version":"v1"}],"additionalProperties":false};
const schema28 = {"properties":{"matchResources":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.MatchResources"}]},"paramRef":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.admissionregistration.v1.ParamRef"}]},"policyName":{"type":"string"},"validationActions":{"items":{"default":"","type":"string"},"type":"array","x-kubernetes-list-type":"set"}},"type":"object","additionalProperties":false};
const schema29 = {"properties":{"name":{"type":"string"},"namespace":{"type":"string"},"parameterNotFoundAction":{"type":"string"},"selector":{"allOf":[{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"}]}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "name") || (key0 === "namespace")) || (key0 === "parameterNotFoundAction")) || (key0 === "selector"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err1 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.namespace !== undefined){
if(typeof data.namespace !== "string"){
const err2 = {instancePath:instancePath+"/namespace",schemaPath:"#/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.parameterNotFoundAction !== undefined){
if(typeof data.parameterNotFoundAction !== "string"){
const err3 = {instancePath:instancePath+"/parameterNotFoundAction",schemaPath:"#/properties/parameterNotFoundAction/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.selector !== undefined){
if(!(validate9(data.selector, {instancePath:instancePath+"/selector",parentData:data,parentDataProperty:"selector",rootData}))){
vErrors = vErrors === null ? validate9.errors : vErrors.concat(validate9.errors);
errors = vErrors.length;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate26.errors = vErrors;
return errors === 0;
}


function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "matchResources") || (key0 === "paramRef")) || (key0 === "policyName")) || (key0 === "validationActions"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.matchResources !== undefined){
if(!(validate8(data.matchResources, {instancePath:instancePath+"/matchResources",parentData:data,parentDataProperty:"matchResources",rootData}))){
vErrors = vErrors === null ? validate8.errors : vErrors.concat(validate8.errors);
errors = vErrors.length;
}
}
if(data.paramRef !== undefined){
if(!(validate26(data.paramRef, {instancePath:instancePath+"/paramRef",parentData:data,parentDataProperty:"paramRef",rootData}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
}
if(data.policyName !== undefined){
if(typeof data.policyName !== "string"){
const err1 = {instancePath:instancePath+"/policyName",schemaPath:"#/properties/policyName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.validationActions !== undefined){
let data3 = data.validationActions;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
if(typeof data3[i0] !== "string"){
const err2 = {instancePath:instancePath+"/validationActions/" + i0,schemaPath:"#/properties/validationActions/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath:instancePath+"/validationActions",schemaPath:"#/properties/validationActions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}


function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.apiVersion !== undefined){
if(typeof data.apiVersion !== "string"){
const err1 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.kind !== undefined){
if(typeof data.kind !== "string"){
const err2 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.metadata !== undefined){
if(!(validate3(data.metadata, {instancePath:instancePath+"/metadata",parentData:data,parentDataProperty:"metadata",rootData}))){
vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);
errors = vErrors.length;
}
}
if(data.spec !== undefined){
if(!(validate24(data.spec, {instancePath:instancePath+"/spec",parentData:data,parentDataProperty:"spec",rootData}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(!(validate22(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
validate21.errors = vErrors;
return errors === 0;
}

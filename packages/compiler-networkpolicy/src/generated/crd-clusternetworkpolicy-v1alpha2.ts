// Generated from packages/compiler-networkpolicy/data/crd-clusternetworkpolicy-v1alpha2.json by scripts/openapi-validators.mjs with ajv 8.20.0's standalone code: do not edit (`pnpm build` regenerates it).
// @ts-nocheck
/* eslint-disable */
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
export const ClusterNetworkPolicy = validate0;
const schema0 = {"$ref":"k8s#/components/schemas/ClusterNetworkPolicy"};
const schema2 = {"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},"spec":{"properties":{"egress":{"items":{"properties":{"action":{"enum":["Accept","Deny","Pass"],"type":"string"},"name":{"maxLength":100,"type":"string"},"protocols":{"items":{"maxProperties":1,"minProperties":1,"properties":{"destinationNamedPort":{"type":"string"},"sctp":{"minProperties":1,"properties":{"destinationPort":{"maxProperties":1,"minProperties":1,"properties":{"number":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"},"range":{"properties":{"end":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"},"start":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"}},"required":["end","start"],"type":"object","x-kubernetes-validations":[{"message":"Start port must be less than End port","rule":"self.start < self.end"}],"additionalProperties":false}},"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"tcp":{"minProperties":1,"properties":{"destinationPort":{"maxProperties":1,"minProperties":1,"properties":{"number":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"},"range":{"properties":{"end":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"},"start":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"}},"required":["end","start"],"type":"object","x-kubernetes-validations":[{"message":"Start port must be less than End port","rule":"self.start < self.end"}],"additionalProperties":false}},"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"udp":{"minProperties":1,"properties":{"destinationPort":{"maxProperties":1,"minProperties":1,"properties":{"number":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"},"range":{"properties":{"end":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"},"start":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"}},"required":["end","start"],"type":"object","x-kubernetes-validations":[{"message":"Start port must be less than End port","rule":"self.start < self.end"}],"additionalProperties":false}},"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"maxItems":25,"minItems":1,"type":"array"},"to":{"items":{"maxProperties":1,"minProperties":1,"properties":{"namespaces":{"properties":{"matchExpressions":{"items":{"properties":{"key":{"type":"string"},"operator":{"type":"string"},"values":{"items":{"type":"string"},"type":"array","x-kubernetes-list-type":"atomic"}},"required":["key","operator"],"type":"object","additionalProperties":false},"type":"array","x-kubernetes-list-type":"atomic"},"matchLabels":{"additionalProperties":{"type":"string"},"type":"object"}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false},"networks":{"items":{"maxLength":43,"type":"string","x-kubernetes-validations":[{"message":"Invalid CIDR format provided","rule":"isCIDR(self)"}]},"maxItems":25,"minItems":1,"type":"array","x-kubernetes-list-type":"set"},"pods":{"properties":{"namespaceSelector":{"properties":{"matchExpressions":{"items":{"properties":{"key":{"type":"string"},"operator":{"type":"string"},"values":{"items":{"type":"string"},"type":"array","x-kubernetes-list-type":"atomic"}},"required":["key","operator"],"type":"object","additionalProperties":false},"type":"array","x-kubernetes-list-type":"atomic"},"matchLabels":{"additionalProperties":{"type":"string"},"type":"object"}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false},"podSelector":{"properties":{"matchExpressions":{"items":{"properties":{"key":{"type":"string"},"operator":{"type":"string"},"values":{"items":{"type":"string"},"type":"array","x-kubernetes-list-type":"atomic"}},"required":["key","operator"],"type":"object","additionalProperties":false},"type":"array","x-kubernetes-list-type":"atomic"},"matchLabels":{"additionalProperties":{"type":"string"},"type":"object"}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false}},"required":["podSelector"],"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"maxItems":25,"minItems":1,"type":"array"}},"required":["action","to"],"type":"object","additionalProperties":false},"maxItems":25,"type":"array"},"ingress":{"items":{"properties":{"action":{"enum":["Accept","Deny","Pass"],"type":"string"},"from":{"items":{"maxProperties":1,"minProperties":1,"properties":{"namespaces":{"properties":{"matchExpressions":{"items":{"properties":{"key":{"type":"string"},"operator":{"type":"string"},"values":{"items":{"type":"string"},"type":"array","x-kubernetes-list-type":"atomic"}},"required":["key","operator"],"type":"object","additionalProperties":false},"type":"array","x-kubernetes-list-type":"atomic"},"matchLabels":{"additionalProperties":{"type":"string"},"type":"object"}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false},"pods":{"properties":{"namespaceSelector":{"properties":{"matchExpressions":{"items":{"properties":{"key":{"type":"string"},"operator":{"type":"string"},"values":{"items":{"type":"string"},"type":"array","x-kubernetes-list-type":"atomic"}},"required":["key","operator"],"type":"object","additionalProperties":false},"type":"array","x-kubernetes-list-type":"atomic"},"matchLabels":{"additionalProperties":{"type":"string"},"type":"object"}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false},"podSelector":{"properties":{"matchExpressions":{"items":{"properties":{"key":{"type":"string"},"operator":{"type":"string"},"values":{"items":{"type":"string"},"type":"array","x-kubernetes-list-type":"atomic"}},"required":["key","operator"],"type":"object","additionalProperties":false},"type":"array","x-kubernetes-list-type":"atomic"},"matchLabels":{"additionalProperties":{"type":"string"},"type":"object"}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false}},"required":["podSelector"],"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"maxItems":25,"minItems":1,"type":"array"},"name":{"maxLength":100,"type":"string"},"protocols":{"items":{"maxProperties":1,"minProperties":1,"properties":{"destinationNamedPort":{"type":"string"},"sctp":{"minProperties":1,"properties":{"destinationPort":{"maxProperties":1,"minProperties":1,"properties":{"number":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"},"range":{"properties":{"end":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"},"start":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"}},"required":["end","start"],"type":"object","x-kubernetes-validations":[{"message":"Start port must be less than End port","rule":"self.start < self.end"}],"additionalProperties":false}},"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"tcp":{"minProperties":1,"properties":{"destinationPort":{"maxProperties":1,"minProperties":1,"properties":{"number":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"},"range":{"properties":{"end":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"},"start":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"}},"required":["end","start"],"type":"object","x-kubernetes-validations":[{"message":"Start port must be less than End port","rule":"self.start < self.end"}],"additionalProperties":false}},"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"udp":{"minProperties":1,"properties":{"destinationPort":{"maxProperties":1,"minProperties":1,"properties":{"number":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"},"range":{"properties":{"end":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"},"start":{"format":"int32","maximum":65535,"minimum":1,"type":"integer"}},"required":["end","start"],"type":"object","x-kubernetes-validations":[{"message":"Start port must be less than End port","rule":"self.start < self.end"}],"additionalProperties":false}},"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"maxItems":25,"minItems":1,"type":"array"}},"required":["action","from"],"type":"object","additionalProperties":false},"maxItems":25,"type":"array"},"priority":{"format":"int32","maximum":1000,"minimum":0,"type":"integer"},"subject":{"maxProperties":1,"minProperties":1,"properties":{"namespaces":{"properties":{"matchExpressions":{"items":{"properties":{"key":{"type":"string"},"operator":{"type":"string"},"values":{"items":{"type":"string"},"type":"array","x-kubernetes-list-type":"atomic"}},"required":["key","operator"],"type":"object","additionalProperties":false},"type":"array","x-kubernetes-list-type":"atomic"},"matchLabels":{"additionalProperties":{"type":"string"},"type":"object"}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false},"pods":{"properties":{"namespaceSelector":{"properties":{"matchExpressions":{"items":{"properties":{"key":{"type":"string"},"operator":{"type":"string"},"values":{"items":{"type":"string"},"type":"array","x-kubernetes-list-type":"atomic"}},"required":["key","operator"],"type":"object","additionalProperties":false},"type":"array","x-kubernetes-list-type":"atomic"},"matchLabels":{"additionalProperties":{"type":"string"},"type":"object"}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false},"podSelector":{"properties":{"matchExpressions":{"items":{"properties":{"key":{"type":"string"},"operator":{"type":"string"},"values":{"items":{"type":"string"},"type":"array","x-kubernetes-list-type":"atomic"}},"required":["key","operator"],"type":"object","additionalProperties":false},"type":"array","x-kubernetes-list-type":"atomic"},"matchLabels":{"additionalProperties":{"type":"string"},"type":"object"}},"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":false}},"required":["podSelector"],"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"tier":{"enum":["Admin","Baseline"],"type":"string"}},"required":["priority","subject","tier"],"type":"object","additionalProperties":false},"status":{"properties":{"conditions":{"items":{"properties":{"lastTransitionTime":{"format":"date-time","type":"string"},"message":{"maxLength":32768,"type":"string"},"observedGeneration":{"format":"int64","minimum":0,"type":"integer"},"reason":{"maxLength":1024,"minLength":1,"pattern":"^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$","type":"string"},"status":{"enum":["True","False","Unknown"],"type":"string"},"type":{"maxLength":316,"pattern":"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$","type":"string"}},"required":["lastTransitionTime","message","reason","status","type"],"type":"object","additionalProperties":false},"type":"array","x-kubernetes-list-map-keys":["type"],"x-kubernetes-list-type":"map"}},"required":["conditions"],"type":"object","additionalProperties":false}},"required":["metadata","spec"],"type":"object","additionalProperties":false};
const func0 = ucs2length;
const pattern0 = new RegExp("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$", "u");
const pattern1 = new RegExp("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$", "u");

function validate0(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.metadata === undefined){
const err0 = {instancePath,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.spec === undefined){
const err1 = {instancePath,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec")) || (key0 === "status"))){
const err2 = {instancePath,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.apiVersion !== undefined){
if(typeof data.apiVersion !== "string"){
const err3 = {instancePath:instancePath+"/apiVersion",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.kind !== undefined){
if(typeof data.kind !== "string"){
const err4 = {instancePath:instancePath+"/kind",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err5 = {instancePath:instancePath+"/metadata",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.spec !== undefined){
let data3 = data.spec;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.priority === undefined){
const err6 = {instancePath:instancePath+"/spec",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/required",keyword:"required",params:{missingProperty: "priority"},message:"must have required property '"+"priority"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data3.subject === undefined){
const err7 = {instancePath:instancePath+"/spec",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/required",keyword:"required",params:{missingProperty: "subject"},message:"must have required property '"+"subject"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data3.tier === undefined){
const err8 = {instancePath:instancePath+"/spec",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/required",keyword:"required",params:{missingProperty: "tier"},message:"must have required property '"+"tier"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key1 in data3){
if(!(((((key1 === "egress") || (key1 === "ingress")) || (key1 === "priority")) || (key1 === "subject")) || (key1 === "tier"))){
const err9 = {instancePath:instancePath+"/spec",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data3.egress !== undefined){
let data4 = data3.egress;
if(Array.isArray(data4)){
if(data4.length > 25){
const err10 = {instancePath:instancePath+"/spec/egress",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/maxItems",keyword:"maxItems",params:{limit: 25},message:"must NOT have more than 25 items"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.action === undefined){
const err11 = {instancePath:instancePath+"/spec/egress/" + i0,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data5.to === undefined){
const err12 = {instancePath:instancePath+"/spec/egress/" + i0,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key2 in data5){
if(!((((key2 === "action") || (key2 === "name")) || (key2 === "protocols")) || (key2 === "to"))){
const err13 = {instancePath:instancePath+"/spec/egress/" + i0,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data5.action !== undefined){
let data6 = data5.action;
if(typeof data6 !== "string"){
const err14 = {instancePath:instancePath+"/spec/egress/" + i0+"/action",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(!(((data6 === "Accept") || (data6 === "Deny")) || (data6 === "Pass"))){
const err15 = {instancePath:instancePath+"/spec/egress/" + i0+"/action",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/action/enum",keyword:"enum",params:{allowedValues: schema2.properties.spec.properties.egress.items.properties.action.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data5.name !== undefined){
let data7 = data5.name;
if(typeof data7 === "string"){
if(func0(data7) > 100){
const err16 = {instancePath:instancePath+"/spec/egress/" + i0+"/name",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/spec/egress/" + i0+"/name",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data5.protocols !== undefined){
let data8 = data5.protocols;
if(Array.isArray(data8)){
if(data8.length > 25){
const err18 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/maxItems",keyword:"maxItems",params:{limit: 25},message:"must NOT have more than 25 items"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data8.length < 1){
const err19 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(Object.keys(data9).length > 1){
const err20 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(Object.keys(data9).length < 1){
const err21 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
for(const key3 in data9){
if(!((((key3 === "destinationNamedPort") || (key3 === "sctp")) || (key3 === "tcp")) || (key3 === "udp"))){
const err22 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data9.destinationNamedPort !== undefined){
if(typeof data9.destinationNamedPort !== "string"){
const err23 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/destinationNamedPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/destinationNamedPort/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data9.sctp !== undefined){
let data11 = data9.sctp;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(Object.keys(data11).length < 1){
const err24 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
for(const key4 in data11){
if(!(key4 === "destinationPort")){
const err25 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data11.destinationPort !== undefined){
let data12 = data11.destinationPort;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(Object.keys(data12).length > 1){
const err26 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(Object.keys(data12).length < 1){
const err27 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
for(const key5 in data12){
if(!((key5 === "number") || (key5 === "range"))){
const err28 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data12.number !== undefined){
let data13 = data12.number;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
const err29 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/number/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(typeof data13 == "number"){
if(data13 > 65535 || isNaN(data13)){
const err30 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/number/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data13 < 1 || isNaN(data13)){
const err31 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/number/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
if(data12.range !== undefined){
let data14 = data12.range;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.end === undefined){
const err32 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/required",keyword:"required",params:{missingProperty: "end"},message:"must have required property '"+"end"+"'"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(data14.start === undefined){
const err33 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/required",keyword:"required",params:{missingProperty: "start"},message:"must have required property '"+"start"+"'"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
for(const key6 in data14){
if(!((key6 === "end") || (key6 === "start"))){
const err34 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data14.end !== undefined){
let data15 = data14.end;
if(!((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15)))){
const err35 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/properties/end/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(typeof data15 == "number"){
if(data15 > 65535 || isNaN(data15)){
const err36 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/properties/end/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(data15 < 1 || isNaN(data15)){
const err37 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/properties/end/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
if(data14.start !== undefined){
let data16 = data14.start;
if(!((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16)))){
const err38 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/properties/start/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(typeof data16 == "number"){
if(data16 > 65535 || isNaN(data16)){
const err39 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/properties/start/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(data16 < 1 || isNaN(data16)){
const err40 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/properties/start/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
}
else {
const err41 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
else {
const err42 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/properties/destinationPort/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/sctp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/sctp/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data9.tcp !== undefined){
let data17 = data9.tcp;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(Object.keys(data17).length < 1){
const err44 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
for(const key7 in data17){
if(!(key7 === "destinationPort")){
const err45 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data17.destinationPort !== undefined){
let data18 = data17.destinationPort;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(Object.keys(data18).length > 1){
const err46 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(Object.keys(data18).length < 1){
const err47 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
for(const key8 in data18){
if(!((key8 === "number") || (key8 === "range"))){
const err48 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data18.number !== undefined){
let data19 = data18.number;
if(!((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19)))){
const err49 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/number/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if(typeof data19 == "number"){
if(data19 > 65535 || isNaN(data19)){
const err50 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/number/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(data19 < 1 || isNaN(data19)){
const err51 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/number/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
if(data18.range !== undefined){
let data20 = data18.range;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
if(data20.end === undefined){
const err52 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/required",keyword:"required",params:{missingProperty: "end"},message:"must have required property '"+"end"+"'"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(data20.start === undefined){
const err53 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/required",keyword:"required",params:{missingProperty: "start"},message:"must have required property '"+"start"+"'"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
for(const key9 in data20){
if(!((key9 === "end") || (key9 === "start"))){
const err54 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data20.end !== undefined){
let data21 = data20.end;
if(!((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21)))){
const err55 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/properties/end/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if(typeof data21 == "number"){
if(data21 > 65535 || isNaN(data21)){
const err56 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/properties/end/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(data21 < 1 || isNaN(data21)){
const err57 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/properties/end/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
}
if(data20.start !== undefined){
let data22 = data20.start;
if(!((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22)))){
const err58 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/properties/start/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if(typeof data22 == "number"){
if(data22 > 65535 || isNaN(data22)){
const err59 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/properties/start/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
if(data22 < 1 || isNaN(data22)){
const err60 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/properties/start/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
}
else {
const err61 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
else {
const err62 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/properties/destinationPort/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
else {
const err63 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/tcp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/tcp/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data9.udp !== undefined){
let data23 = data9.udp;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(Object.keys(data23).length < 1){
const err64 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
for(const key10 in data23){
if(!(key10 === "destinationPort")){
const err65 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data23.destinationPort !== undefined){
let data24 = data23.destinationPort;
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
if(Object.keys(data24).length > 1){
const err66 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if(Object.keys(data24).length < 1){
const err67 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
for(const key11 in data24){
if(!((key11 === "number") || (key11 === "range"))){
const err68 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data24.number !== undefined){
let data25 = data24.number;
if(!((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25)))){
const err69 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/number/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
if(typeof data25 == "number"){
if(data25 > 65535 || isNaN(data25)){
const err70 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/number/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(data25 < 1 || isNaN(data25)){
const err71 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/number/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
}
if(data24.range !== undefined){
let data26 = data24.range;
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
if(data26.end === undefined){
const err72 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/required",keyword:"required",params:{missingProperty: "end"},message:"must have required property '"+"end"+"'"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if(data26.start === undefined){
const err73 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/required",keyword:"required",params:{missingProperty: "start"},message:"must have required property '"+"start"+"'"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
for(const key12 in data26){
if(!((key12 === "end") || (key12 === "start"))){
const err74 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data26.end !== undefined){
let data27 = data26.end;
if(!((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27)))){
const err75 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/properties/end/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if(typeof data27 == "number"){
if(data27 > 65535 || isNaN(data27)){
const err76 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/properties/end/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
if(data27 < 1 || isNaN(data27)){
const err77 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/properties/end/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
}
if(data26.start !== undefined){
let data28 = data26.start;
if(!((typeof data28 == "number") && (!(data28 % 1) && !isNaN(data28)))){
const err78 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/properties/start/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
if(typeof data28 == "number"){
if(data28 > 65535 || isNaN(data28)){
const err79 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/properties/start/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
if(data28 < 1 || isNaN(data28)){
const err80 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/properties/start/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
}
}
else {
const err81 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
}
else {
const err82 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/properties/destinationPort/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
}
else {
const err83 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1+"/udp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/properties/udp/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
}
else {
const err84 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols/" + i1,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
}
else {
const err85 = {instancePath:instancePath+"/spec/egress/" + i0+"/protocols",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/protocols/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
if(data5.to !== undefined){
let data29 = data5.to;
if(Array.isArray(data29)){
if(data29.length > 25){
const err86 = {instancePath:instancePath+"/spec/egress/" + i0+"/to",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/maxItems",keyword:"maxItems",params:{limit: 25},message:"must NOT have more than 25 items"};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
if(data29.length < 1){
const err87 = {instancePath:instancePath+"/spec/egress/" + i0+"/to",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
const len2 = data29.length;
for(let i2=0; i2<len2; i2++){
let data30 = data29[i2];
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
if(Object.keys(data30).length > 1){
const err88 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties"};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
if(Object.keys(data30).length < 1){
const err89 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
for(const key13 in data30){
if(!(((key13 === "namespaces") || (key13 === "networks")) || (key13 === "pods"))){
const err90 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data30.namespaces !== undefined){
let data31 = data30.namespaces;
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
for(const key14 in data31){
if(!((key14 === "matchExpressions") || (key14 === "matchLabels"))){
const err91 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/namespaces",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/namespaces/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data31.matchExpressions !== undefined){
let data32 = data31.matchExpressions;
if(Array.isArray(data32)){
const len3 = data32.length;
for(let i3=0; i3<len3; i3++){
let data33 = data32[i3];
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
if(data33.key === undefined){
const err92 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/namespaces/matchExpressions/" + i3,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/namespaces/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
if(data33.operator === undefined){
const err93 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/namespaces/matchExpressions/" + i3,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/namespaces/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'"};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
for(const key15 in data33){
if(!(((key15 === "key") || (key15 === "operator")) || (key15 === "values"))){
const err94 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/namespaces/matchExpressions/" + i3,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/namespaces/properties/matchExpressions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data33.key !== undefined){
if(typeof data33.key !== "string"){
const err95 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/namespaces/matchExpressions/" + i3+"/key",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/namespaces/properties/matchExpressions/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data33.operator !== undefined){
if(typeof data33.operator !== "string"){
const err96 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/namespaces/matchExpressions/" + i3+"/operator",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/namespaces/properties/matchExpressions/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data33.values !== undefined){
let data36 = data33.values;
if(Array.isArray(data36)){
const len4 = data36.length;
for(let i4=0; i4<len4; i4++){
if(typeof data36[i4] !== "string"){
const err97 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/namespaces/matchExpressions/" + i3+"/values/" + i4,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/namespaces/properties/matchExpressions/items/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
}
else {
const err98 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/namespaces/matchExpressions/" + i3+"/values",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/namespaces/properties/matchExpressions/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
}
else {
const err99 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/namespaces/matchExpressions/" + i3,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/namespaces/properties/matchExpressions/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
}
else {
const err100 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/namespaces/matchExpressions",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/namespaces/properties/matchExpressions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data31.matchLabels !== undefined){
let data38 = data31.matchLabels;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
for(const key16 in data38){
if(typeof data38[key16] !== "string"){
const err101 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/namespaces/matchLabels/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/namespaces/properties/matchLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
}
else {
const err102 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/namespaces/matchLabels",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/namespaces/properties/matchLabels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
}
else {
const err103 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/namespaces",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/namespaces/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
if(data30.networks !== undefined){
let data40 = data30.networks;
if(Array.isArray(data40)){
if(data40.length > 25){
const err104 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/networks",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/networks/maxItems",keyword:"maxItems",params:{limit: 25},message:"must NOT have more than 25 items"};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
if(data40.length < 1){
const err105 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/networks",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/networks/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
const len5 = data40.length;
for(let i5=0; i5<len5; i5++){
let data41 = data40[i5];
if(typeof data41 === "string"){
if(func0(data41) > 43){
const err106 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/networks/" + i5,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/networks/items/maxLength",keyword:"maxLength",params:{limit: 43},message:"must NOT have more than 43 characters"};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
else {
const err107 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/networks/" + i5,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/networks/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
}
else {
const err108 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/networks",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/networks/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
if(data30.pods !== undefined){
let data42 = data30.pods;
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
if(data42.podSelector === undefined){
const err109 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/required",keyword:"required",params:{missingProperty: "podSelector"},message:"must have required property '"+"podSelector"+"'"};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
for(const key17 in data42){
if(!((key17 === "namespaceSelector") || (key17 === "podSelector"))){
const err110 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
if(data42.namespaceSelector !== undefined){
let data43 = data42.namespaceSelector;
if(data43 && typeof data43 == "object" && !Array.isArray(data43)){
for(const key18 in data43){
if(!((key18 === "matchExpressions") || (key18 === "matchLabels"))){
const err111 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/namespaceSelector",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/namespaceSelector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
if(data43.matchExpressions !== undefined){
let data44 = data43.matchExpressions;
if(Array.isArray(data44)){
const len6 = data44.length;
for(let i6=0; i6<len6; i6++){
let data45 = data44[i6];
if(data45 && typeof data45 == "object" && !Array.isArray(data45)){
if(data45.key === undefined){
const err112 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/namespaceSelector/matchExpressions/" + i6,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
if(data45.operator === undefined){
const err113 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/namespaceSelector/matchExpressions/" + i6,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'"};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
for(const key19 in data45){
if(!(((key19 === "key") || (key19 === "operator")) || (key19 === "values"))){
const err114 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/namespaceSelector/matchExpressions/" + i6,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
if(data45.key !== undefined){
if(typeof data45.key !== "string"){
const err115 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/namespaceSelector/matchExpressions/" + i6+"/key",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
if(data45.operator !== undefined){
if(typeof data45.operator !== "string"){
const err116 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/namespaceSelector/matchExpressions/" + i6+"/operator",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
if(data45.values !== undefined){
let data48 = data45.values;
if(Array.isArray(data48)){
const len7 = data48.length;
for(let i7=0; i7<len7; i7++){
if(typeof data48[i7] !== "string"){
const err117 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/namespaceSelector/matchExpressions/" + i6+"/values/" + i7,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
}
else {
const err118 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/namespaceSelector/matchExpressions/" + i6+"/values",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
}
else {
const err119 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/namespaceSelector/matchExpressions/" + i6,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
}
else {
const err120 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/namespaceSelector/matchExpressions",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
if(data43.matchLabels !== undefined){
let data50 = data43.matchLabels;
if(data50 && typeof data50 == "object" && !Array.isArray(data50)){
for(const key20 in data50){
if(typeof data50[key20] !== "string"){
const err121 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/namespaceSelector/matchLabels/" + key20.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/namespaceSelector/properties/matchLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
}
else {
const err122 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/namespaceSelector/matchLabels",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/namespaceSelector/properties/matchLabels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
}
else {
const err123 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/namespaceSelector",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/namespaceSelector/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
if(data42.podSelector !== undefined){
let data52 = data42.podSelector;
if(data52 && typeof data52 == "object" && !Array.isArray(data52)){
for(const key21 in data52){
if(!((key21 === "matchExpressions") || (key21 === "matchLabels"))){
const err124 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/podSelector",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/podSelector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
if(data52.matchExpressions !== undefined){
let data53 = data52.matchExpressions;
if(Array.isArray(data53)){
const len8 = data53.length;
for(let i8=0; i8<len8; i8++){
let data54 = data53[i8];
if(data54 && typeof data54 == "object" && !Array.isArray(data54)){
if(data54.key === undefined){
const err125 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/podSelector/matchExpressions/" + i8,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/podSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
if(data54.operator === undefined){
const err126 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/podSelector/matchExpressions/" + i8,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/podSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'"};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
for(const key22 in data54){
if(!(((key22 === "key") || (key22 === "operator")) || (key22 === "values"))){
const err127 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/podSelector/matchExpressions/" + i8,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/podSelector/properties/matchExpressions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key22},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
if(data54.key !== undefined){
if(typeof data54.key !== "string"){
const err128 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/podSelector/matchExpressions/" + i8+"/key",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/podSelector/properties/matchExpressions/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
if(data54.operator !== undefined){
if(typeof data54.operator !== "string"){
const err129 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/podSelector/matchExpressions/" + i8+"/operator",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/podSelector/properties/matchExpressions/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
if(data54.values !== undefined){
let data57 = data54.values;
if(Array.isArray(data57)){
const len9 = data57.length;
for(let i9=0; i9<len9; i9++){
if(typeof data57[i9] !== "string"){
const err130 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/podSelector/matchExpressions/" + i8+"/values/" + i9,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/podSelector/properties/matchExpressions/items/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
}
else {
const err131 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/podSelector/matchExpressions/" + i8+"/values",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/podSelector/properties/matchExpressions/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
}
else {
const err132 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/podSelector/matchExpressions/" + i8,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/podSelector/properties/matchExpressions/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
}
else {
const err133 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/podSelector/matchExpressions",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/podSelector/properties/matchExpressions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
if(data52.matchLabels !== undefined){
let data59 = data52.matchLabels;
if(data59 && typeof data59 == "object" && !Array.isArray(data59)){
for(const key23 in data59){
if(typeof data59[key23] !== "string"){
const err134 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/podSelector/matchLabels/" + key23.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/podSelector/properties/matchLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
}
else {
const err135 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/podSelector/matchLabels",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/podSelector/properties/matchLabels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
}
else {
const err136 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods/podSelector",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/properties/podSelector/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
}
else {
const err137 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2+"/pods",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/properties/pods/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
}
else {
const err138 = {instancePath:instancePath+"/spec/egress/" + i0+"/to/" + i2,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
}
else {
const err139 = {instancePath:instancePath+"/spec/egress/" + i0+"/to",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/properties/to/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
}
else {
const err140 = {instancePath:instancePath+"/spec/egress/" + i0,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
}
}
else {
const err141 = {instancePath:instancePath+"/spec/egress",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/egress/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
if(data3.ingress !== undefined){
let data61 = data3.ingress;
if(Array.isArray(data61)){
if(data61.length > 25){
const err142 = {instancePath:instancePath+"/spec/ingress",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/maxItems",keyword:"maxItems",params:{limit: 25},message:"must NOT have more than 25 items"};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
const len10 = data61.length;
for(let i10=0; i10<len10; i10++){
let data62 = data61[i10];
if(data62 && typeof data62 == "object" && !Array.isArray(data62)){
if(data62.action === undefined){
const err143 = {instancePath:instancePath+"/spec/ingress/" + i10,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'"};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
if(data62.from === undefined){
const err144 = {instancePath:instancePath+"/spec/ingress/" + i10,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'"};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
for(const key24 in data62){
if(!((((key24 === "action") || (key24 === "from")) || (key24 === "name")) || (key24 === "protocols"))){
const err145 = {instancePath:instancePath+"/spec/ingress/" + i10,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key24},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
if(data62.action !== undefined){
let data63 = data62.action;
if(typeof data63 !== "string"){
const err146 = {instancePath:instancePath+"/spec/ingress/" + i10+"/action",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
if(!(((data63 === "Accept") || (data63 === "Deny")) || (data63 === "Pass"))){
const err147 = {instancePath:instancePath+"/spec/ingress/" + i10+"/action",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/action/enum",keyword:"enum",params:{allowedValues: schema2.properties.spec.properties.ingress.items.properties.action.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
if(data62.from !== undefined){
let data64 = data62.from;
if(Array.isArray(data64)){
if(data64.length > 25){
const err148 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/maxItems",keyword:"maxItems",params:{limit: 25},message:"must NOT have more than 25 items"};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
if(data64.length < 1){
const err149 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
const len11 = data64.length;
for(let i11=0; i11<len11; i11++){
let data65 = data64[i11];
if(data65 && typeof data65 == "object" && !Array.isArray(data65)){
if(Object.keys(data65).length > 1){
const err150 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties"};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
if(Object.keys(data65).length < 1){
const err151 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
for(const key25 in data65){
if(!((key25 === "namespaces") || (key25 === "pods"))){
const err152 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key25},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
if(data65.namespaces !== undefined){
let data66 = data65.namespaces;
if(data66 && typeof data66 == "object" && !Array.isArray(data66)){
for(const key26 in data66){
if(!((key26 === "matchExpressions") || (key26 === "matchLabels"))){
const err153 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/namespaces",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/namespaces/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key26},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
}
if(data66.matchExpressions !== undefined){
let data67 = data66.matchExpressions;
if(Array.isArray(data67)){
const len12 = data67.length;
for(let i12=0; i12<len12; i12++){
let data68 = data67[i12];
if(data68 && typeof data68 == "object" && !Array.isArray(data68)){
if(data68.key === undefined){
const err154 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/namespaces/matchExpressions/" + i12,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/namespaces/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
if(data68.operator === undefined){
const err155 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/namespaces/matchExpressions/" + i12,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/namespaces/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'"};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
for(const key27 in data68){
if(!(((key27 === "key") || (key27 === "operator")) || (key27 === "values"))){
const err156 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/namespaces/matchExpressions/" + i12,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/namespaces/properties/matchExpressions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key27},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
if(data68.key !== undefined){
if(typeof data68.key !== "string"){
const err157 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/namespaces/matchExpressions/" + i12+"/key",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/namespaces/properties/matchExpressions/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
}
if(data68.operator !== undefined){
if(typeof data68.operator !== "string"){
const err158 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/namespaces/matchExpressions/" + i12+"/operator",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/namespaces/properties/matchExpressions/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
if(data68.values !== undefined){
let data71 = data68.values;
if(Array.isArray(data71)){
const len13 = data71.length;
for(let i13=0; i13<len13; i13++){
if(typeof data71[i13] !== "string"){
const err159 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/namespaces/matchExpressions/" + i12+"/values/" + i13,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/namespaces/properties/matchExpressions/items/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
}
else {
const err160 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/namespaces/matchExpressions/" + i12+"/values",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/namespaces/properties/matchExpressions/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
}
}
else {
const err161 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/namespaces/matchExpressions/" + i12,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/namespaces/properties/matchExpressions/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
}
else {
const err162 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/namespaces/matchExpressions",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/namespaces/properties/matchExpressions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
if(data66.matchLabels !== undefined){
let data73 = data66.matchLabels;
if(data73 && typeof data73 == "object" && !Array.isArray(data73)){
for(const key28 in data73){
if(typeof data73[key28] !== "string"){
const err163 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/namespaces/matchLabels/" + key28.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/namespaces/properties/matchLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
}
}
else {
const err164 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/namespaces/matchLabels",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/namespaces/properties/matchLabels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
}
}
else {
const err165 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/namespaces",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/namespaces/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
}
if(data65.pods !== undefined){
let data75 = data65.pods;
if(data75 && typeof data75 == "object" && !Array.isArray(data75)){
if(data75.podSelector === undefined){
const err166 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/required",keyword:"required",params:{missingProperty: "podSelector"},message:"must have required property '"+"podSelector"+"'"};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
for(const key29 in data75){
if(!((key29 === "namespaceSelector") || (key29 === "podSelector"))){
const err167 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key29},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
if(data75.namespaceSelector !== undefined){
let data76 = data75.namespaceSelector;
if(data76 && typeof data76 == "object" && !Array.isArray(data76)){
for(const key30 in data76){
if(!((key30 === "matchExpressions") || (key30 === "matchLabels"))){
const err168 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/namespaceSelector",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/namespaceSelector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key30},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
}
if(data76.matchExpressions !== undefined){
let data77 = data76.matchExpressions;
if(Array.isArray(data77)){
const len14 = data77.length;
for(let i14=0; i14<len14; i14++){
let data78 = data77[i14];
if(data78 && typeof data78 == "object" && !Array.isArray(data78)){
if(data78.key === undefined){
const err169 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/namespaceSelector/matchExpressions/" + i14,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
if(data78.operator === undefined){
const err170 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/namespaceSelector/matchExpressions/" + i14,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'"};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
for(const key31 in data78){
if(!(((key31 === "key") || (key31 === "operator")) || (key31 === "values"))){
const err171 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/namespaceSelector/matchExpressions/" + i14,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key31},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
}
if(data78.key !== undefined){
if(typeof data78.key !== "string"){
const err172 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/namespaceSelector/matchExpressions/" + i14+"/key",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
}
if(data78.operator !== undefined){
if(typeof data78.operator !== "string"){
const err173 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/namespaceSelector/matchExpressions/" + i14+"/operator",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
}
if(data78.values !== undefined){
let data81 = data78.values;
if(Array.isArray(data81)){
const len15 = data81.length;
for(let i15=0; i15<len15; i15++){
if(typeof data81[i15] !== "string"){
const err174 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/namespaceSelector/matchExpressions/" + i14+"/values/" + i15,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
}
}
else {
const err175 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/namespaceSelector/matchExpressions/" + i14+"/values",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
}
else {
const err176 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/namespaceSelector/matchExpressions/" + i14,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
}
else {
const err177 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/namespaceSelector/matchExpressions",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/namespaceSelector/properties/matchExpressions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
if(data76.matchLabels !== undefined){
let data83 = data76.matchLabels;
if(data83 && typeof data83 == "object" && !Array.isArray(data83)){
for(const key32 in data83){
if(typeof data83[key32] !== "string"){
const err178 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/namespaceSelector/matchLabels/" + key32.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/namespaceSelector/properties/matchLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
}
}
else {
const err179 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/namespaceSelector/matchLabels",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/namespaceSelector/properties/matchLabels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
}
}
else {
const err180 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/namespaceSelector",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/namespaceSelector/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
if(data75.podSelector !== undefined){
let data85 = data75.podSelector;
if(data85 && typeof data85 == "object" && !Array.isArray(data85)){
for(const key33 in data85){
if(!((key33 === "matchExpressions") || (key33 === "matchLabels"))){
const err181 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/podSelector",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/podSelector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key33},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
}
if(data85.matchExpressions !== undefined){
let data86 = data85.matchExpressions;
if(Array.isArray(data86)){
const len16 = data86.length;
for(let i16=0; i16<len16; i16++){
let data87 = data86[i16];
if(data87 && typeof data87 == "object" && !Array.isArray(data87)){
if(data87.key === undefined){
const err182 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/podSelector/matchExpressions/" + i16,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/podSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
if(data87.operator === undefined){
const err183 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/podSelector/matchExpressions/" + i16,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/podSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'"};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
for(const key34 in data87){
if(!(((key34 === "key") || (key34 === "operator")) || (key34 === "values"))){
const err184 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/podSelector/matchExpressions/" + i16,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/podSelector/properties/matchExpressions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key34},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
}
if(data87.key !== undefined){
if(typeof data87.key !== "string"){
const err185 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/podSelector/matchExpressions/" + i16+"/key",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/podSelector/properties/matchExpressions/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
}
if(data87.operator !== undefined){
if(typeof data87.operator !== "string"){
const err186 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/podSelector/matchExpressions/" + i16+"/operator",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/podSelector/properties/matchExpressions/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
}
if(data87.values !== undefined){
let data90 = data87.values;
if(Array.isArray(data90)){
const len17 = data90.length;
for(let i17=0; i17<len17; i17++){
if(typeof data90[i17] !== "string"){
const err187 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/podSelector/matchExpressions/" + i16+"/values/" + i17,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/podSelector/properties/matchExpressions/items/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
}
}
else {
const err188 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/podSelector/matchExpressions/" + i16+"/values",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/podSelector/properties/matchExpressions/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
}
}
else {
const err189 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/podSelector/matchExpressions/" + i16,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/podSelector/properties/matchExpressions/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
}
}
else {
const err190 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/podSelector/matchExpressions",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/podSelector/properties/matchExpressions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
}
if(data85.matchLabels !== undefined){
let data92 = data85.matchLabels;
if(data92 && typeof data92 == "object" && !Array.isArray(data92)){
for(const key35 in data92){
if(typeof data92[key35] !== "string"){
const err191 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/podSelector/matchLabels/" + key35.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/podSelector/properties/matchLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
}
}
else {
const err192 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/podSelector/matchLabels",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/podSelector/properties/matchLabels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
}
}
else {
const err193 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods/podSelector",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/properties/podSelector/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
}
}
else {
const err194 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11+"/pods",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/properties/pods/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
}
}
else {
const err195 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from/" + i11,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
}
}
else {
const err196 = {instancePath:instancePath+"/spec/ingress/" + i10+"/from",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/from/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
}
if(data62.name !== undefined){
let data94 = data62.name;
if(typeof data94 === "string"){
if(func0(data94) > 100){
const err197 = {instancePath:instancePath+"/spec/ingress/" + i10+"/name",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters"};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
}
else {
const err198 = {instancePath:instancePath+"/spec/ingress/" + i10+"/name",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
}
if(data62.protocols !== undefined){
let data95 = data62.protocols;
if(Array.isArray(data95)){
if(data95.length > 25){
const err199 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/maxItems",keyword:"maxItems",params:{limit: 25},message:"must NOT have more than 25 items"};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
if(data95.length < 1){
const err200 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
const len18 = data95.length;
for(let i18=0; i18<len18; i18++){
let data96 = data95[i18];
if(data96 && typeof data96 == "object" && !Array.isArray(data96)){
if(Object.keys(data96).length > 1){
const err201 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties"};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
if(Object.keys(data96).length < 1){
const err202 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
for(const key36 in data96){
if(!((((key36 === "destinationNamedPort") || (key36 === "sctp")) || (key36 === "tcp")) || (key36 === "udp"))){
const err203 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key36},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
}
if(data96.destinationNamedPort !== undefined){
if(typeof data96.destinationNamedPort !== "string"){
const err204 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/destinationNamedPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/destinationNamedPort/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
}
if(data96.sctp !== undefined){
let data98 = data96.sctp;
if(data98 && typeof data98 == "object" && !Array.isArray(data98)){
if(Object.keys(data98).length < 1){
const err205 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
for(const key37 in data98){
if(!(key37 === "destinationPort")){
const err206 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key37},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
}
if(data98.destinationPort !== undefined){
let data99 = data98.destinationPort;
if(data99 && typeof data99 == "object" && !Array.isArray(data99)){
if(Object.keys(data99).length > 1){
const err207 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties"};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
if(Object.keys(data99).length < 1){
const err208 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
for(const key38 in data99){
if(!((key38 === "number") || (key38 === "range"))){
const err209 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key38},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
}
if(data99.number !== undefined){
let data100 = data99.number;
if(!((typeof data100 == "number") && (!(data100 % 1) && !isNaN(data100)))){
const err210 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/number/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
if(typeof data100 == "number"){
if(data100 > 65535 || isNaN(data100)){
const err211 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/number/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
if(data100 < 1 || isNaN(data100)){
const err212 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/number/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
}
}
if(data99.range !== undefined){
let data101 = data99.range;
if(data101 && typeof data101 == "object" && !Array.isArray(data101)){
if(data101.end === undefined){
const err213 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/required",keyword:"required",params:{missingProperty: "end"},message:"must have required property '"+"end"+"'"};
if(vErrors === null){
vErrors = [err213];
}
else {
vErrors.push(err213);
}
errors++;
}
if(data101.start === undefined){
const err214 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/required",keyword:"required",params:{missingProperty: "start"},message:"must have required property '"+"start"+"'"};
if(vErrors === null){
vErrors = [err214];
}
else {
vErrors.push(err214);
}
errors++;
}
for(const key39 in data101){
if(!((key39 === "end") || (key39 === "start"))){
const err215 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key39},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err215];
}
else {
vErrors.push(err215);
}
errors++;
}
}
if(data101.end !== undefined){
let data102 = data101.end;
if(!((typeof data102 == "number") && (!(data102 % 1) && !isNaN(data102)))){
const err216 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/properties/end/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err216];
}
else {
vErrors.push(err216);
}
errors++;
}
if(typeof data102 == "number"){
if(data102 > 65535 || isNaN(data102)){
const err217 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/properties/end/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err217];
}
else {
vErrors.push(err217);
}
errors++;
}
if(data102 < 1 || isNaN(data102)){
const err218 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/properties/end/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err218];
}
else {
vErrors.push(err218);
}
errors++;
}
}
}
if(data101.start !== undefined){
let data103 = data101.start;
if(!((typeof data103 == "number") && (!(data103 % 1) && !isNaN(data103)))){
const err219 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/properties/start/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err219];
}
else {
vErrors.push(err219);
}
errors++;
}
if(typeof data103 == "number"){
if(data103 > 65535 || isNaN(data103)){
const err220 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/properties/start/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err220];
}
else {
vErrors.push(err220);
}
errors++;
}
if(data103 < 1 || isNaN(data103)){
const err221 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/properties/start/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err221];
}
else {
vErrors.push(err221);
}
errors++;
}
}
}
}
else {
const err222 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/properties/range/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err222];
}
else {
vErrors.push(err222);
}
errors++;
}
}
}
else {
const err223 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/properties/destinationPort/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err223];
}
else {
vErrors.push(err223);
}
errors++;
}
}
}
else {
const err224 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/sctp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/sctp/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err224];
}
else {
vErrors.push(err224);
}
errors++;
}
}
if(data96.tcp !== undefined){
let data104 = data96.tcp;
if(data104 && typeof data104 == "object" && !Array.isArray(data104)){
if(Object.keys(data104).length < 1){
const err225 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err225];
}
else {
vErrors.push(err225);
}
errors++;
}
for(const key40 in data104){
if(!(key40 === "destinationPort")){
const err226 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key40},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err226];
}
else {
vErrors.push(err226);
}
errors++;
}
}
if(data104.destinationPort !== undefined){
let data105 = data104.destinationPort;
if(data105 && typeof data105 == "object" && !Array.isArray(data105)){
if(Object.keys(data105).length > 1){
const err227 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties"};
if(vErrors === null){
vErrors = [err227];
}
else {
vErrors.push(err227);
}
errors++;
}
if(Object.keys(data105).length < 1){
const err228 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err228];
}
else {
vErrors.push(err228);
}
errors++;
}
for(const key41 in data105){
if(!((key41 === "number") || (key41 === "range"))){
const err229 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key41},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err229];
}
else {
vErrors.push(err229);
}
errors++;
}
}
if(data105.number !== undefined){
let data106 = data105.number;
if(!((typeof data106 == "number") && (!(data106 % 1) && !isNaN(data106)))){
const err230 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/number/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err230];
}
else {
vErrors.push(err230);
}
errors++;
}
if(typeof data106 == "number"){
if(data106 > 65535 || isNaN(data106)){
const err231 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/number/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err231];
}
else {
vErrors.push(err231);
}
errors++;
}
if(data106 < 1 || isNaN(data106)){
const err232 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/number/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err232];
}
else {
vErrors.push(err232);
}
errors++;
}
}
}
if(data105.range !== undefined){
let data107 = data105.range;
if(data107 && typeof data107 == "object" && !Array.isArray(data107)){
if(data107.end === undefined){
const err233 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/required",keyword:"required",params:{missingProperty: "end"},message:"must have required property '"+"end"+"'"};
if(vErrors === null){
vErrors = [err233];
}
else {
vErrors.push(err233);
}
errors++;
}
if(data107.start === undefined){
const err234 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/required",keyword:"required",params:{missingProperty: "start"},message:"must have required property '"+"start"+"'"};
if(vErrors === null){
vErrors = [err234];
}
else {
vErrors.push(err234);
}
errors++;
}
for(const key42 in data107){
if(!((key42 === "end") || (key42 === "start"))){
const err235 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key42},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err235];
}
else {
vErrors.push(err235);
}
errors++;
}
}
if(data107.end !== undefined){
let data108 = data107.end;
if(!((typeof data108 == "number") && (!(data108 % 1) && !isNaN(data108)))){
const err236 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/properties/end/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err236];
}
else {
vErrors.push(err236);
}
errors++;
}
if(typeof data108 == "number"){
if(data108 > 65535 || isNaN(data108)){
const err237 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/properties/end/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err237];
}
else {
vErrors.push(err237);
}
errors++;
}
if(data108 < 1 || isNaN(data108)){
const err238 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/properties/end/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err238];
}
else {
vErrors.push(err238);
}
errors++;
}
}
}
if(data107.start !== undefined){
let data109 = data107.start;
if(!((typeof data109 == "number") && (!(data109 % 1) && !isNaN(data109)))){
const err239 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/properties/start/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err239];
}
else {
vErrors.push(err239);
}
errors++;
}
if(typeof data109 == "number"){
if(data109 > 65535 || isNaN(data109)){
const err240 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/properties/start/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err240];
}
else {
vErrors.push(err240);
}
errors++;
}
if(data109 < 1 || isNaN(data109)){
const err241 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/properties/start/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err241];
}
else {
vErrors.push(err241);
}
errors++;
}
}
}
}
else {
const err242 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/properties/range/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err242];
}
else {
vErrors.push(err242);
}
errors++;
}
}
}
else {
const err243 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/properties/destinationPort/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err243];
}
else {
vErrors.push(err243);
}
errors++;
}
}
}
else {
const err244 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/tcp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/tcp/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err244];
}
else {
vErrors.push(err244);
}
errors++;
}
}
if(data96.udp !== undefined){
let data110 = data96.udp;
if(data110 && typeof data110 == "object" && !Array.isArray(data110)){
if(Object.keys(data110).length < 1){
const err245 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err245];
}
else {
vErrors.push(err245);
}
errors++;
}
for(const key43 in data110){
if(!(key43 === "destinationPort")){
const err246 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key43},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err246];
}
else {
vErrors.push(err246);
}
errors++;
}
}
if(data110.destinationPort !== undefined){
let data111 = data110.destinationPort;
if(data111 && typeof data111 == "object" && !Array.isArray(data111)){
if(Object.keys(data111).length > 1){
const err247 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties"};
if(vErrors === null){
vErrors = [err247];
}
else {
vErrors.push(err247);
}
errors++;
}
if(Object.keys(data111).length < 1){
const err248 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err248];
}
else {
vErrors.push(err248);
}
errors++;
}
for(const key44 in data111){
if(!((key44 === "number") || (key44 === "range"))){
const err249 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key44},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err249];
}
else {
vErrors.push(err249);
}
errors++;
}
}
if(data111.number !== undefined){
let data112 = data111.number;
if(!((typeof data112 == "number") && (!(data112 % 1) && !isNaN(data112)))){
const err250 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/number/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err250];
}
else {
vErrors.push(err250);
}
errors++;
}
if(typeof data112 == "number"){
if(data112 > 65535 || isNaN(data112)){
const err251 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/number/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err251];
}
else {
vErrors.push(err251);
}
errors++;
}
if(data112 < 1 || isNaN(data112)){
const err252 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort/number",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/number/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err252];
}
else {
vErrors.push(err252);
}
errors++;
}
}
}
if(data111.range !== undefined){
let data113 = data111.range;
if(data113 && typeof data113 == "object" && !Array.isArray(data113)){
if(data113.end === undefined){
const err253 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/required",keyword:"required",params:{missingProperty: "end"},message:"must have required property '"+"end"+"'"};
if(vErrors === null){
vErrors = [err253];
}
else {
vErrors.push(err253);
}
errors++;
}
if(data113.start === undefined){
const err254 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/required",keyword:"required",params:{missingProperty: "start"},message:"must have required property '"+"start"+"'"};
if(vErrors === null){
vErrors = [err254];
}
else {
vErrors.push(err254);
}
errors++;
}
for(const key45 in data113){
if(!((key45 === "end") || (key45 === "start"))){
const err255 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key45},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err255];
}
else {
vErrors.push(err255);
}
errors++;
}
}
if(data113.end !== undefined){
let data114 = data113.end;
if(!((typeof data114 == "number") && (!(data114 % 1) && !isNaN(data114)))){
const err256 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/properties/end/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err256];
}
else {
vErrors.push(err256);
}
errors++;
}
if(typeof data114 == "number"){
if(data114 > 65535 || isNaN(data114)){
const err257 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/properties/end/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err257];
}
else {
vErrors.push(err257);
}
errors++;
}
if(data114 < 1 || isNaN(data114)){
const err258 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort/range/end",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/properties/end/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err258];
}
else {
vErrors.push(err258);
}
errors++;
}
}
}
if(data113.start !== undefined){
let data115 = data113.start;
if(!((typeof data115 == "number") && (!(data115 % 1) && !isNaN(data115)))){
const err259 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/properties/start/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err259];
}
else {
vErrors.push(err259);
}
errors++;
}
if(typeof data115 == "number"){
if(data115 > 65535 || isNaN(data115)){
const err260 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/properties/start/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};
if(vErrors === null){
vErrors = [err260];
}
else {
vErrors.push(err260);
}
errors++;
}
if(data115 < 1 || isNaN(data115)){
const err261 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort/range/start",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/properties/start/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err261];
}
else {
vErrors.push(err261);
}
errors++;
}
}
}
}
else {
const err262 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort/range",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/properties/range/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err262];
}
else {
vErrors.push(err262);
}
errors++;
}
}
}
else {
const err263 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp/destinationPort",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/properties/destinationPort/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err263];
}
else {
vErrors.push(err263);
}
errors++;
}
}
}
else {
const err264 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18+"/udp",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/properties/udp/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err264];
}
else {
vErrors.push(err264);
}
errors++;
}
}
}
else {
const err265 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols/" + i18,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err265];
}
else {
vErrors.push(err265);
}
errors++;
}
}
}
else {
const err266 = {instancePath:instancePath+"/spec/ingress/" + i10+"/protocols",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/properties/protocols/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err266];
}
else {
vErrors.push(err266);
}
errors++;
}
}
}
else {
const err267 = {instancePath:instancePath+"/spec/ingress/" + i10,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err267];
}
else {
vErrors.push(err267);
}
errors++;
}
}
}
else {
const err268 = {instancePath:instancePath+"/spec/ingress",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/ingress/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err268];
}
else {
vErrors.push(err268);
}
errors++;
}
}
if(data3.priority !== undefined){
let data116 = data3.priority;
if(!((typeof data116 == "number") && (!(data116 % 1) && !isNaN(data116)))){
const err269 = {instancePath:instancePath+"/spec/priority",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/priority/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err269];
}
else {
vErrors.push(err269);
}
errors++;
}
if(typeof data116 == "number"){
if(data116 > 1000 || isNaN(data116)){
const err270 = {instancePath:instancePath+"/spec/priority",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/priority/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000"};
if(vErrors === null){
vErrors = [err270];
}
else {
vErrors.push(err270);
}
errors++;
}
if(data116 < 0 || isNaN(data116)){
const err271 = {instancePath:instancePath+"/spec/priority",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/priority/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err271];
}
else {
vErrors.push(err271);
}
errors++;
}
}
}
if(data3.subject !== undefined){
let data117 = data3.subject;
if(data117 && typeof data117 == "object" && !Array.isArray(data117)){
if(Object.keys(data117).length > 1){
const err272 = {instancePath:instancePath+"/spec/subject",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties"};
if(vErrors === null){
vErrors = [err272];
}
else {
vErrors.push(err272);
}
errors++;
}
if(Object.keys(data117).length < 1){
const err273 = {instancePath:instancePath+"/spec/subject",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err273];
}
else {
vErrors.push(err273);
}
errors++;
}
for(const key46 in data117){
if(!((key46 === "namespaces") || (key46 === "pods"))){
const err274 = {instancePath:instancePath+"/spec/subject",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key46},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err274];
}
else {
vErrors.push(err274);
}
errors++;
}
}
if(data117.namespaces !== undefined){
let data118 = data117.namespaces;
if(data118 && typeof data118 == "object" && !Array.isArray(data118)){
for(const key47 in data118){
if(!((key47 === "matchExpressions") || (key47 === "matchLabels"))){
const err275 = {instancePath:instancePath+"/spec/subject/namespaces",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/namespaces/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key47},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err275];
}
else {
vErrors.push(err275);
}
errors++;
}
}
if(data118.matchExpressions !== undefined){
let data119 = data118.matchExpressions;
if(Array.isArray(data119)){
const len19 = data119.length;
for(let i19=0; i19<len19; i19++){
let data120 = data119[i19];
if(data120 && typeof data120 == "object" && !Array.isArray(data120)){
if(data120.key === undefined){
const err276 = {instancePath:instancePath+"/spec/subject/namespaces/matchExpressions/" + i19,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/namespaces/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err276];
}
else {
vErrors.push(err276);
}
errors++;
}
if(data120.operator === undefined){
const err277 = {instancePath:instancePath+"/spec/subject/namespaces/matchExpressions/" + i19,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/namespaces/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'"};
if(vErrors === null){
vErrors = [err277];
}
else {
vErrors.push(err277);
}
errors++;
}
for(const key48 in data120){
if(!(((key48 === "key") || (key48 === "operator")) || (key48 === "values"))){
const err278 = {instancePath:instancePath+"/spec/subject/namespaces/matchExpressions/" + i19,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/namespaces/properties/matchExpressions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key48},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err278];
}
else {
vErrors.push(err278);
}
errors++;
}
}
if(data120.key !== undefined){
if(typeof data120.key !== "string"){
const err279 = {instancePath:instancePath+"/spec/subject/namespaces/matchExpressions/" + i19+"/key",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/namespaces/properties/matchExpressions/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err279];
}
else {
vErrors.push(err279);
}
errors++;
}
}
if(data120.operator !== undefined){
if(typeof data120.operator !== "string"){
const err280 = {instancePath:instancePath+"/spec/subject/namespaces/matchExpressions/" + i19+"/operator",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/namespaces/properties/matchExpressions/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err280];
}
else {
vErrors.push(err280);
}
errors++;
}
}
if(data120.values !== undefined){
let data123 = data120.values;
if(Array.isArray(data123)){
const len20 = data123.length;
for(let i20=0; i20<len20; i20++){
if(typeof data123[i20] !== "string"){
const err281 = {instancePath:instancePath+"/spec/subject/namespaces/matchExpressions/" + i19+"/values/" + i20,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/namespaces/properties/matchExpressions/items/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err281];
}
else {
vErrors.push(err281);
}
errors++;
}
}
}
else {
const err282 = {instancePath:instancePath+"/spec/subject/namespaces/matchExpressions/" + i19+"/values",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/namespaces/properties/matchExpressions/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err282];
}
else {
vErrors.push(err282);
}
errors++;
}
}
}
else {
const err283 = {instancePath:instancePath+"/spec/subject/namespaces/matchExpressions/" + i19,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/namespaces/properties/matchExpressions/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err283];
}
else {
vErrors.push(err283);
}
errors++;
}
}
}
else {
const err284 = {instancePath:instancePath+"/spec/subject/namespaces/matchExpressions",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/namespaces/properties/matchExpressions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err284];
}
else {
vErrors.push(err284);
}
errors++;
}
}
if(data118.matchLabels !== undefined){
let data125 = data118.matchLabels;
if(data125 && typeof data125 == "object" && !Array.isArray(data125)){
for(const key49 in data125){
if(typeof data125[key49] !== "string"){
const err285 = {instancePath:instancePath+"/spec/subject/namespaces/matchLabels/" + key49.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/namespaces/properties/matchLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err285];
}
else {
vErrors.push(err285);
}
errors++;
}
}
}
else {
const err286 = {instancePath:instancePath+"/spec/subject/namespaces/matchLabels",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/namespaces/properties/matchLabels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err286];
}
else {
vErrors.push(err286);
}
errors++;
}
}
}
else {
const err287 = {instancePath:instancePath+"/spec/subject/namespaces",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/namespaces/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err287];
}
else {
vErrors.push(err287);
}
errors++;
}
}
if(data117.pods !== undefined){
let data127 = data117.pods;
if(data127 && typeof data127 == "object" && !Array.isArray(data127)){
if(data127.podSelector === undefined){
const err288 = {instancePath:instancePath+"/spec/subject/pods",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/required",keyword:"required",params:{missingProperty: "podSelector"},message:"must have required property '"+"podSelector"+"'"};
if(vErrors === null){
vErrors = [err288];
}
else {
vErrors.push(err288);
}
errors++;
}
for(const key50 in data127){
if(!((key50 === "namespaceSelector") || (key50 === "podSelector"))){
const err289 = {instancePath:instancePath+"/spec/subject/pods",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key50},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err289];
}
else {
vErrors.push(err289);
}
errors++;
}
}
if(data127.namespaceSelector !== undefined){
let data128 = data127.namespaceSelector;
if(data128 && typeof data128 == "object" && !Array.isArray(data128)){
for(const key51 in data128){
if(!((key51 === "matchExpressions") || (key51 === "matchLabels"))){
const err290 = {instancePath:instancePath+"/spec/subject/pods/namespaceSelector",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/namespaceSelector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key51},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err290];
}
else {
vErrors.push(err290);
}
errors++;
}
}
if(data128.matchExpressions !== undefined){
let data129 = data128.matchExpressions;
if(Array.isArray(data129)){
const len21 = data129.length;
for(let i21=0; i21<len21; i21++){
let data130 = data129[i21];
if(data130 && typeof data130 == "object" && !Array.isArray(data130)){
if(data130.key === undefined){
const err291 = {instancePath:instancePath+"/spec/subject/pods/namespaceSelector/matchExpressions/" + i21,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err291];
}
else {
vErrors.push(err291);
}
errors++;
}
if(data130.operator === undefined){
const err292 = {instancePath:instancePath+"/spec/subject/pods/namespaceSelector/matchExpressions/" + i21,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'"};
if(vErrors === null){
vErrors = [err292];
}
else {
vErrors.push(err292);
}
errors++;
}
for(const key52 in data130){
if(!(((key52 === "key") || (key52 === "operator")) || (key52 === "values"))){
const err293 = {instancePath:instancePath+"/spec/subject/pods/namespaceSelector/matchExpressions/" + i21,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key52},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err293];
}
else {
vErrors.push(err293);
}
errors++;
}
}
if(data130.key !== undefined){
if(typeof data130.key !== "string"){
const err294 = {instancePath:instancePath+"/spec/subject/pods/namespaceSelector/matchExpressions/" + i21+"/key",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err294];
}
else {
vErrors.push(err294);
}
errors++;
}
}
if(data130.operator !== undefined){
if(typeof data130.operator !== "string"){
const err295 = {instancePath:instancePath+"/spec/subject/pods/namespaceSelector/matchExpressions/" + i21+"/operator",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err295];
}
else {
vErrors.push(err295);
}
errors++;
}
}
if(data130.values !== undefined){
let data133 = data130.values;
if(Array.isArray(data133)){
const len22 = data133.length;
for(let i22=0; i22<len22; i22++){
if(typeof data133[i22] !== "string"){
const err296 = {instancePath:instancePath+"/spec/subject/pods/namespaceSelector/matchExpressions/" + i21+"/values/" + i22,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err296];
}
else {
vErrors.push(err296);
}
errors++;
}
}
}
else {
const err297 = {instancePath:instancePath+"/spec/subject/pods/namespaceSelector/matchExpressions/" + i21+"/values",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err297];
}
else {
vErrors.push(err297);
}
errors++;
}
}
}
else {
const err298 = {instancePath:instancePath+"/spec/subject/pods/namespaceSelector/matchExpressions/" + i21,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/namespaceSelector/properties/matchExpressions/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err298];
}
else {
vErrors.push(err298);
}
errors++;
}
}
}
else {
const err299 = {instancePath:instancePath+"/spec/subject/pods/namespaceSelector/matchExpressions",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/namespaceSelector/properties/matchExpressions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err299];
}
else {
vErrors.push(err299);
}
errors++;
}
}
if(data128.matchLabels !== undefined){
let data135 = data128.matchLabels;
if(data135 && typeof data135 == "object" && !Array.isArray(data135)){
for(const key53 in data135){
if(typeof data135[key53] !== "string"){
const err300 = {instancePath:instancePath+"/spec/subject/pods/namespaceSelector/matchLabels/" + key53.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/namespaceSelector/properties/matchLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err300];
}
else {
vErrors.push(err300);
}
errors++;
}
}
}
else {
const err301 = {instancePath:instancePath+"/spec/subject/pods/namespaceSelector/matchLabels",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/namespaceSelector/properties/matchLabels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err301];
}
else {
vErrors.push(err301);
}
errors++;
}
}
}
else {
const err302 = {instancePath:instancePath+"/spec/subject/pods/namespaceSelector",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/namespaceSelector/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err302];
}
else {
vErrors.push(err302);
}
errors++;
}
}
if(data127.podSelector !== undefined){
let data137 = data127.podSelector;
if(data137 && typeof data137 == "object" && !Array.isArray(data137)){
for(const key54 in data137){
if(!((key54 === "matchExpressions") || (key54 === "matchLabels"))){
const err303 = {instancePath:instancePath+"/spec/subject/pods/podSelector",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/podSelector/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key54},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err303];
}
else {
vErrors.push(err303);
}
errors++;
}
}
if(data137.matchExpressions !== undefined){
let data138 = data137.matchExpressions;
if(Array.isArray(data138)){
const len23 = data138.length;
for(let i23=0; i23<len23; i23++){
let data139 = data138[i23];
if(data139 && typeof data139 == "object" && !Array.isArray(data139)){
if(data139.key === undefined){
const err304 = {instancePath:instancePath+"/spec/subject/pods/podSelector/matchExpressions/" + i23,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/podSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"};
if(vErrors === null){
vErrors = [err304];
}
else {
vErrors.push(err304);
}
errors++;
}
if(data139.operator === undefined){
const err305 = {instancePath:instancePath+"/spec/subject/pods/podSelector/matchExpressions/" + i23,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/podSelector/properties/matchExpressions/items/required",keyword:"required",params:{missingProperty: "operator"},message:"must have required property '"+"operator"+"'"};
if(vErrors === null){
vErrors = [err305];
}
else {
vErrors.push(err305);
}
errors++;
}
for(const key55 in data139){
if(!(((key55 === "key") || (key55 === "operator")) || (key55 === "values"))){
const err306 = {instancePath:instancePath+"/spec/subject/pods/podSelector/matchExpressions/" + i23,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/podSelector/properties/matchExpressions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key55},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err306];
}
else {
vErrors.push(err306);
}
errors++;
}
}
if(data139.key !== undefined){
if(typeof data139.key !== "string"){
const err307 = {instancePath:instancePath+"/spec/subject/pods/podSelector/matchExpressions/" + i23+"/key",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/podSelector/properties/matchExpressions/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err307];
}
else {
vErrors.push(err307);
}
errors++;
}
}
if(data139.operator !== undefined){
if(typeof data139.operator !== "string"){
const err308 = {instancePath:instancePath+"/spec/subject/pods/podSelector/matchExpressions/" + i23+"/operator",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/podSelector/properties/matchExpressions/items/properties/operator/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err308];
}
else {
vErrors.push(err308);
}
errors++;
}
}
if(data139.values !== undefined){
let data142 = data139.values;
if(Array.isArray(data142)){
const len24 = data142.length;
for(let i24=0; i24<len24; i24++){
if(typeof data142[i24] !== "string"){
const err309 = {instancePath:instancePath+"/spec/subject/pods/podSelector/matchExpressions/" + i23+"/values/" + i24,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/podSelector/properties/matchExpressions/items/properties/values/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err309];
}
else {
vErrors.push(err309);
}
errors++;
}
}
}
else {
const err310 = {instancePath:instancePath+"/spec/subject/pods/podSelector/matchExpressions/" + i23+"/values",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/podSelector/properties/matchExpressions/items/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err310];
}
else {
vErrors.push(err310);
}
errors++;
}
}
}
else {
const err311 = {instancePath:instancePath+"/spec/subject/pods/podSelector/matchExpressions/" + i23,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/podSelector/properties/matchExpressions/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err311];
}
else {
vErrors.push(err311);
}
errors++;
}
}
}
else {
const err312 = {instancePath:instancePath+"/spec/subject/pods/podSelector/matchExpressions",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/podSelector/properties/matchExpressions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err312];
}
else {
vErrors.push(err312);
}
errors++;
}
}
if(data137.matchLabels !== undefined){
let data144 = data137.matchLabels;
if(data144 && typeof data144 == "object" && !Array.isArray(data144)){
for(const key56 in data144){
if(typeof data144[key56] !== "string"){
const err313 = {instancePath:instancePath+"/spec/subject/pods/podSelector/matchLabels/" + key56.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/podSelector/properties/matchLabels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err313];
}
else {
vErrors.push(err313);
}
errors++;
}
}
}
else {
const err314 = {instancePath:instancePath+"/spec/subject/pods/podSelector/matchLabels",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/podSelector/properties/matchLabels/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err314];
}
else {
vErrors.push(err314);
}
errors++;
}
}
}
else {
const err315 = {instancePath:instancePath+"/spec/subject/pods/podSelector",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/properties/podSelector/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err315];
}
else {
vErrors.push(err315);
}
errors++;
}
}
}
else {
const err316 = {instancePath:instancePath+"/spec/subject/pods",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/properties/pods/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err316];
}
else {
vErrors.push(err316);
}
errors++;
}
}
}
else {
const err317 = {instancePath:instancePath+"/spec/subject",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/subject/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err317];
}
else {
vErrors.push(err317);
}
errors++;
}
}
if(data3.tier !== undefined){
let data146 = data3.tier;
if(typeof data146 !== "string"){
const err318 = {instancePath:instancePath+"/spec/tier",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/tier/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err318];
}
else {
vErrors.push(err318);
}
errors++;
}
if(!((data146 === "Admin") || (data146 === "Baseline"))){
const err319 = {instancePath:instancePath+"/spec/tier",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/properties/tier/enum",keyword:"enum",params:{allowedValues: schema2.properties.spec.properties.tier.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err319];
}
else {
vErrors.push(err319);
}
errors++;
}
}
}
else {
const err320 = {instancePath:instancePath+"/spec",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err320];
}
else {
vErrors.push(err320);
}
errors++;
}
}
if(data.status !== undefined){
let data147 = data.status;
if(data147 && typeof data147 == "object" && !Array.isArray(data147)){
if(data147.conditions === undefined){
const err321 = {instancePath:instancePath+"/status",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/required",keyword:"required",params:{missingProperty: "conditions"},message:"must have required property '"+"conditions"+"'"};
if(vErrors === null){
vErrors = [err321];
}
else {
vErrors.push(err321);
}
errors++;
}
for(const key57 in data147){
if(!(key57 === "conditions")){
const err322 = {instancePath:instancePath+"/status",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key57},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err322];
}
else {
vErrors.push(err322);
}
errors++;
}
}
if(data147.conditions !== undefined){
let data148 = data147.conditions;
if(Array.isArray(data148)){
const len25 = data148.length;
for(let i25=0; i25<len25; i25++){
let data149 = data148[i25];
if(data149 && typeof data149 == "object" && !Array.isArray(data149)){
if(data149.lastTransitionTime === undefined){
const err323 = {instancePath:instancePath+"/status/conditions/" + i25,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/required",keyword:"required",params:{missingProperty: "lastTransitionTime"},message:"must have required property '"+"lastTransitionTime"+"'"};
if(vErrors === null){
vErrors = [err323];
}
else {
vErrors.push(err323);
}
errors++;
}
if(data149.message === undefined){
const err324 = {instancePath:instancePath+"/status/conditions/" + i25,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'"};
if(vErrors === null){
vErrors = [err324];
}
else {
vErrors.push(err324);
}
errors++;
}
if(data149.reason === undefined){
const err325 = {instancePath:instancePath+"/status/conditions/" + i25,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'"};
if(vErrors === null){
vErrors = [err325];
}
else {
vErrors.push(err325);
}
errors++;
}
if(data149.status === undefined){
const err326 = {instancePath:instancePath+"/status/conditions/" + i25,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"};
if(vErrors === null){
vErrors = [err326];
}
else {
vErrors.push(err326);
}
errors++;
}
if(data149.type === undefined){
const err327 = {instancePath:instancePath+"/status/conditions/" + i25,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err327];
}
else {
vErrors.push(err327);
}
errors++;
}
for(const key58 in data149){
if(!((((((key58 === "lastTransitionTime") || (key58 === "message")) || (key58 === "observedGeneration")) || (key58 === "reason")) || (key58 === "status")) || (key58 === "type"))){
const err328 = {instancePath:instancePath+"/status/conditions/" + i25,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key58},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err328];
}
else {
vErrors.push(err328);
}
errors++;
}
}
if(data149.lastTransitionTime !== undefined){
if(!(typeof data149.lastTransitionTime === "string")){
const err329 = {instancePath:instancePath+"/status/conditions/" + i25+"/lastTransitionTime",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/lastTransitionTime/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err329];
}
else {
vErrors.push(err329);
}
errors++;
}
}
if(data149.message !== undefined){
let data151 = data149.message;
if(typeof data151 === "string"){
if(func0(data151) > 32768){
const err330 = {instancePath:instancePath+"/status/conditions/" + i25+"/message",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/message/maxLength",keyword:"maxLength",params:{limit: 32768},message:"must NOT have more than 32768 characters"};
if(vErrors === null){
vErrors = [err330];
}
else {
vErrors.push(err330);
}
errors++;
}
}
else {
const err331 = {instancePath:instancePath+"/status/conditions/" + i25+"/message",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err331];
}
else {
vErrors.push(err331);
}
errors++;
}
}
if(data149.observedGeneration !== undefined){
let data152 = data149.observedGeneration;
if(!((typeof data152 == "number") && (!(data152 % 1) && !isNaN(data152)))){
const err332 = {instancePath:instancePath+"/status/conditions/" + i25+"/observedGeneration",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/observedGeneration/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err332];
}
else {
vErrors.push(err332);
}
errors++;
}
if(typeof data152 == "number"){
if(data152 < 0 || isNaN(data152)){
const err333 = {instancePath:instancePath+"/status/conditions/" + i25+"/observedGeneration",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/observedGeneration/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err333];
}
else {
vErrors.push(err333);
}
errors++;
}
}
}
if(data149.reason !== undefined){
let data153 = data149.reason;
if(typeof data153 === "string"){
if(func0(data153) > 1024){
const err334 = {instancePath:instancePath+"/status/conditions/" + i25+"/reason",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/reason/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err334];
}
else {
vErrors.push(err334);
}
errors++;
}
if(func0(data153) < 1){
const err335 = {instancePath:instancePath+"/status/conditions/" + i25+"/reason",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/reason/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err335];
}
else {
vErrors.push(err335);
}
errors++;
}
if(!pattern0.test(data153)){
const err336 = {instancePath:instancePath+"/status/conditions/" + i25+"/reason",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/reason/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$"},message:"must match pattern \""+"^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$"+"\""};
if(vErrors === null){
vErrors = [err336];
}
else {
vErrors.push(err336);
}
errors++;
}
}
else {
const err337 = {instancePath:instancePath+"/status/conditions/" + i25+"/reason",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err337];
}
else {
vErrors.push(err337);
}
errors++;
}
}
if(data149.status !== undefined){
let data154 = data149.status;
if(typeof data154 !== "string"){
const err338 = {instancePath:instancePath+"/status/conditions/" + i25+"/status",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err338];
}
else {
vErrors.push(err338);
}
errors++;
}
if(!(((data154 === "True") || (data154 === "False")) || (data154 === "Unknown"))){
const err339 = {instancePath:instancePath+"/status/conditions/" + i25+"/status",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/status/enum",keyword:"enum",params:{allowedValues: schema2.properties.status.properties.conditions.items.properties.status.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err339];
}
else {
vErrors.push(err339);
}
errors++;
}
}
if(data149.type !== undefined){
let data155 = data149.type;
if(typeof data155 === "string"){
if(func0(data155) > 316){
const err340 = {instancePath:instancePath+"/status/conditions/" + i25+"/type",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/type/maxLength",keyword:"maxLength",params:{limit: 316},message:"must NOT have more than 316 characters"};
if(vErrors === null){
vErrors = [err340];
}
else {
vErrors.push(err340);
}
errors++;
}
if(!pattern1.test(data155)){
const err341 = {instancePath:instancePath+"/status/conditions/" + i25+"/type",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/type/pattern",keyword:"pattern",params:{pattern: "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$"},message:"must match pattern \""+"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$"+"\""};
if(vErrors === null){
vErrors = [err341];
}
else {
vErrors.push(err341);
}
errors++;
}
}
else {
const err342 = {instancePath:instancePath+"/status/conditions/" + i25+"/type",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err342];
}
else {
vErrors.push(err342);
}
errors++;
}
}
}
else {
const err343 = {instancePath:instancePath+"/status/conditions/" + i25,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err343];
}
else {
vErrors.push(err343);
}
errors++;
}
}
}
else {
const err344 = {instancePath:instancePath+"/status/conditions",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/properties/conditions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err344];
}
else {
vErrors.push(err344);
}
errors++;
}
}
}
else {
const err345 = {instancePath:instancePath+"/status",schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/properties/status/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err345];
}
else {
vErrors.push(err345);
}
errors++;
}
}
}
else {
const err346 = {instancePath,schemaPath:"k8s#/components/schemas/ClusterNetworkPolicy/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err346];
}
else {
vErrors.push(err346);
}
errors++;
}
validate0.errors = vErrors;
return errors === 0;
}

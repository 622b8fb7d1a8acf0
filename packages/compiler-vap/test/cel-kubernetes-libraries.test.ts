// Kubernetes' CEL libraries (k8s.io/apiserver/pkg/cel/library and cel-go's strings extension):
// every documented example with its documented result, evaluated and type-checked, plus errors.
import { Environment } from "@marcbachmann/cel-js";
import { describe, expect, it } from "vitest";
import { registerKubernetesLibraries } from "@rampart/compiler-vap";

const runtime = registerKubernetesLibraries(new Environment({ unlistedVariablesAreDyn: true, enableOptionalTypes: true, homogeneousAggregateLiterals: false }));
const checker = registerKubernetesLibraries(new Environment({ enableOptionalTypes: true, homogeneousAggregateLiterals: false }));

const QUANTITY: [string, unknown][] = [
  ['isQuantity("1.3G")', true],
  ['isQuantity("1.3Gi")', true],
  ['isQuantity("1,3G")', false],
  ['isQuantity("10000k")', true],
  ['isQuantity("200K")', false],
  ['isQuantity("Three")', false],
  ['isQuantity("Mi")', false],
  ['quantity("50000000G").isInteger()', true],
  ['quantity("50k").isInteger()', true],
  ['quantity("9999999999999999999999999999999999999G").isInteger()', false],
  ['quantity("50k").asInteger() == 50000', true],
  ['quantity("50k").asInteger()', 50000n],
  ['quantity("50k").sub(20000).asApproximateFloat() == 30000.0', true],
  ['quantity("1.1").asApproximateFloat()', 1.1],
  ['quantity("50k").add(quantity("20k")) == quantity("70k")', true],
  ['quantity("50k").add(20) == quantity("50020")', true],
  ['quantity("50k").sub(quantity("20k")) == quantity("30k")', true],
  ['quantity("50k").sub(20000) == quantity("30k")', true],
  ['quantity("50k").add(20).sub(quantity("100k")).sub(-50000) == quantity("20")', true],
  ['quantity("200M").compareTo(quantity("0.2G"))', 0n],
  ['quantity("50M").compareTo(quantity("50Mi"))', -1n],
  ['quantity("50Mi").compareTo(quantity("50M"))', 1n],
  ['quantity("150Mi").isGreaterThan(quantity("100Mi"))', true],
  ['quantity("50Mi").isGreaterThan(quantity("100Mi"))', false],
  ['quantity("50M").isLessThan(quantity("100M"))', true],
  ['quantity("100M").isLessThan(quantity("50M"))', false],
  ['quantity("50k").sign()', 1n],
  ['quantity("-50k").sign()', -1n],
  ['quantity("0").sign()', 0n],
  // canonical comparison across suffixes and forms
  ['quantity("1Gi") == quantity("1073741824")', true],
  ['quantity("1Ki") == quantity("1024")', true],
  ['quantity("1.5Gi") == quantity("1536Mi")', true],
  ['quantity("1e3") == quantity("1k")', true],
  ['quantity("1E3") == quantity("1000")', true],
  ['quantity("100m") == quantity("0.1")', true],
  ['quantity("0.5n") == quantity("1n")', true], // rounded up to the nano unit, as the API server does
  ['quantity("1000m").isInteger()', false], // the int64 form at scale -3 is not an integer for Go's AsInt64
  ['quantity("1.0").isInteger()', false],
  ['quantity("1E").asInteger()', 1000000000000000000n],
  ['quantity("8Ei").compareTo(quantity("9223372036854775807"))', 0n], // binary SI is capped at the int64 maximum
  ['quantity("2k").mul(3) == quantity("6k")', true],
];

const REGEX: [string, unknown][] = [
  ["'abc 123'.find('[0-9]+')", "123"],
  ["'abc 123'.find('xyz')", ""],
  ["'123 abc 456'.findAll('[0-9]+')", ["123", "456"]],
  ["'123 abc 456'.findAll('[0-9]+', 1)", ["123"]],
  ["'123 abc 456'.findAll('xyz')", []],
  ["'ABC'.find('(?i)b')", "B"],
];

const URLS: [string, unknown][] = [
  ["isURL('https://user:pass@example.com:80/path?query=val#fragment')", true],
  ["isURL('/absolute-path')", true],
  ["isURL('https://a:b:c/')", false],
  ["isURL('../relative-path')", false],
  ["url('/path').getScheme()", ""],
  ["url('https://example.com/').getScheme()", "https"],
  ["url('https://example.com:80/').getHost()", "example.com:80"],
  ["url('https://example.com/').getHost()", "example.com"],
  ["url('https://[::1]:80/').getHost()", "[::1]:80"],
  ["url('https://[::1]/').getHost()", "[::1]"],
  ["url('/path').getHost()", ""],
  ["url('https://example.com:80/').getHostname()", "example.com"],
  ["url('https://127.0.0.1:80/').getHostname()", "127.0.0.1"],
  ["url('https://[::1]:80/').getHostname()", "::1"],
  ["url('/path').getHostname()", ""],
  ["url('https://example.com:80/').getPort()", "80"],
  ["url('https://example.com/').getPort()", ""],
  ["url('/path').getPort()", ""],
  ["url('https://example.com/path').getEscapedPath()", "/path"],
  ["url('https://example.com/path with spaces/').getEscapedPath()", "/path%20with%20spaces/"],
  ["url('https://example.com').getEscapedPath()", ""],
  ["url('https://example.com/path').getQuery()", new Map()],
  [
    "url('https://example.com/path?k1=a&k2=b&k2=c').getQuery()",
    new Map([
      ["k1", ["a"]],
      ["k2", ["b", "c"]],
    ]),
  ],
  ["url('https://example.com/path?key with spaces=value with spaces').getQuery()", new Map([["key with spaces", ["value with spaces"]]])],
  ["url('https://example.com/path?').getQuery()", new Map()],
  ["url('https://example.com/path#fragment').getQuery()", new Map()],
];

const NET: [string, unknown][] = [
  ["isIP('::1')", true],
  ["isIP('127.0.0.1')", true],
  ["isIP('127.0.0.256')", false],
  ["isIP(':::1')", false],
  ["isIP('::ffff:1.2.3.4')", false], // IPv4-mapped IPv6 is refused
  ["isIP('fe80::1%eth0')", false], // zones are refused
  ["isIP('127.0.0.01')", false], // leading zeros are refused (netip)
  ["ip.isCanonical('127.0.0.1')", true],
  ["ip.isCanonical('2001:db8::abcd')", true],
  ["ip.isCanonical('2001:DB8::ABCD')", false],
  ["ip.isCanonical('2001:db8::0:0:0:abcd')", false],
  ["ip('127.0.0.1').family()", 4n],
  ["ip('::1').family()", 6n],
  ["ip('127.0.0.1').isUnspecified()", false],
  ["ip('0.0.0.0').isUnspecified()", true],
  ["ip('::').isUnspecified()", true],
  ["ip('127.0.0.1').isLoopback()", true],
  ["ip('::1').isLoopback()", true],
  ["ip('192.168.0.1').isLoopback()", false],
  ["ip('224.0.0.1').isLinkLocalMulticast()", true],
  ["ip('224.0.1.1').isLinkLocalMulticast()", false],
  ["ip('ff02::1').isLinkLocalMulticast()", true],
  ["ip('fd00::1').isLinkLocalMulticast()", false],
  ["ip('169.254.169.254').isLinkLocalUnicast()", true],
  ["ip('192.168.0.1').isLinkLocalUnicast()", false],
  ["ip('fe80::1').isLinkLocalUnicast()", true],
  ["ip('fd80::1').isLinkLocalUnicast()", false],
  ["ip('192.168.0.1').isGlobalUnicast()", true],
  ["ip('255.255.255.255').isGlobalUnicast()", false],
  ["ip('2001:db8::abcd').isGlobalUnicast()", true],
  ["ip('ff00::1').isGlobalUnicast()", false],
  ["string(ip('2001:DB8:0:0:0::1'))", "2001:db8::1"],
  ["ip('127.0.0.1') == ip('127.0.0.1')", true],
  ["ip('::1') != ip('::2')", true],
  ["isCIDR('192.168.0.0/16')", true],
  ["isCIDR('::1/128')", true],
  ["isCIDR('192.168.0.0/33')", false],
  ["isCIDR('::1/129')", false],
  ["cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))", true],
  ["cidr('192.168.0.0/24').containsIP(ip('192.168.1.1'))", false],
  ["cidr('192.168.0.0/24').containsIP('192.168.0.1')", true],
  ["cidr('192.168.0.0/24').containsIP('192.168.1.1')", false],
  ["cidr('2001:db8::/32').containsIP(ip('2001:db8::1'))", true],
  ["cidr('2001:db8::/32').containsIP(ip('2001:dc8::1'))", false],
  ["cidr('2001:db8::/32').containsIP('2001:db8::1')", true],
  ["cidr('2001:db8::/32').containsIP('2001:dc8::1')", false],
  ["cidr('192.168.0.0/24').containsCIDR(cidr('192.168.0.0/25'))", true],
  ["cidr('192.168.0.0/24').containsCIDR(cidr('192.168.0.0/23'))", false],
  ["cidr('192.168.0.0/24').containsCIDR('192.168.0.0/25')", true],
  ["cidr('192.168.0.0/24').containsCIDR('192.168.0.0/23')", false],
  ["cidr('2001:db8::/32').containsCIDR(cidr('2001:db8::/33'))", true],
  ["cidr('2001:db8::/32').containsCIDR(cidr('2001:db8::/31'))", false],
  ["cidr('2001:db8::/32').containsCIDR('2001:db8::/33')", true],
  ["cidr('2001:db8::/32').containsCIDR('2001:db8::/31')", false],
  ["cidr('192.168.0.0/24').ip() == ip('192.168.0.0')", true],
  ["cidr('192.168.0.1/24').ip() == ip('192.168.0.1')", true],
  ["cidr('192.168.0.0/24').masked() == cidr('192.168.0.0/24')", true],
  ["cidr('192.168.0.1/24').masked() == cidr('192.168.0.0/24')", true],
  ["cidr('::1/128').ip() == ip('::1')", true],
  ["cidr('192.168.0.0/16').prefixLength()", 16n],
  ["cidr('::1/128').prefixLength()", 128n],
  ["string(cidr('192.168.0.0/24'))", "192.168.0.0/24"],
];

const SETS_LISTS: [string, unknown][] = [
  ["sets.contains([], [])", true],
  ["sets.contains([], [1])", false],
  ["sets.contains([1, 2, 3, 4], [2, 3])", true],
  ["sets.contains([1, 2.0, 3u], [1.0, 2u, 3])", true],
  ["sets.equivalent([], [])", true],
  ["sets.equivalent([1], [1, 1])", true],
  ["sets.equivalent([1], [1u, 1.0])", true],
  ["sets.equivalent([1, 2, 3], [3u, 2.0, 1])", true],
  ["sets.intersects([1], [])", false],
  ["sets.intersects([1], [1, 2])", true],
  ["sets.intersects([[1], [2, 3]], [[1, 2], [2, 3.0]])", true],
  ["[1, 2, 3].isSorted()", true],
  ["['a', 'b', 'b', 'c'].isSorted()", true],
  ["[2.0, 1.0].isSorted()", false],
  ["[1].isSorted()", true],
  ["[].isSorted()", true],
  ["[1, 2, 3].sum()", 6n],
  ["[1.0, 2.0, 3.0].sum()", 6],
  ["[].sum()", 0n],
  ["[1, 3, 2].min()", 1n],
  ["[1, 3, 2].max()", 3n],
  ["['b', 'a', 'c'].min()", "a"],
  ["[1, 2, 2, 3].indexOf(2)", 1n],
  ["['a', 'b', 'b', 'c'].lastIndexOf('b')", 2n],
  ["[1.0].indexOf(1.1)", -1n],
  ["[].indexOf('string')", -1n],
];

const STRINGS: [string, unknown][] = [
  ['"this is a string: %s\\nand an integer: %d".format(["str", 42])', "this is a string: str\nand an integer: 42"],
  ['"%d".format([5])', "5"],
  ['"%f".format([3.14])', "3.140000"],
  ['"%.2f".format([3.14159])', "3.14"],
  ['"%e".format([2.71828])', "2.718280e+00"],
  ['"%b".format([5])', "101"],
  ['"%o".format([11])', "13"],
  ['"%x".format(["Hello world!"])', "48656c6c6f20776f726c6421"],
  ['"%X".format([255])', "FF"],
  ['"%s".format([[1, 2, 3]])', "[1, 2, 3]"],
  ['"%s%%".format([50])', "50%"],
  ["'hello'.charAt(4)", "o"],
  ["'hello'.charAt(5)", ""],
  ["'hello hello'.replace('he', 'we')", "wello wello"],
  ["'hello hello'.replace('he', 'we', 1)", "wello hello"],
  ["strings.quote('single-quote with \"double quote\"')", '"single-quote with \\"double quote\\""'],
  ['strings.quote("two escape sequences \\a\\n")', '"two escape sequences \\a\\n"'],
];

describe.each([
  ["quantity", QUANTITY],
  ["regex", REGEX],
  ["URLs", URLS],
  ["IP and CIDR", NET],
  ["sets and lists", SETS_LISTS],
  ["strings (format)", STRINGS],
] as const)("the %s library: documented examples", (_, table) => {
  it.each(table)("%s (evaluated and type-checked)", (expression, expected) => {
    expect(runtime.evaluate(expression)).toEqual(expected);
    const check = checker.check(expression);
    expect(check.error?.message).toBeUndefined();
    expect(check.valid).toBe(true);
  });
});

const ERRORS: [string, RegExp][] = [
  ['quantity("bad")', /quantities must match the regular expression/],
  ['quantity("200K")', /unable to parse quantity's suffix/],
  ['quantity("Three")', /quantities must match the regular expression/],
  ['quantity("Mi")', /quantities must match the regular expression/],
  ['quantity("9999999999999999999999999999999999999G").asInteger()', /cannot convert value to integer/],
  ['quantity("50.5").asInteger()', /cannot convert value to integer/],
  ["url('https://a:b:c/')", /invalid port ":c" after host/],
  ["url('../relative-path')", /invalid URI for request/],
  ["ip('127.0.0.256')", /unable to parse IP/],
  ["ip(':::1')", /unable to parse IP/],
  ["ip('::ffff:1.2.3.4')", /IPv4-mapped IPv6 address is not allowed/],
  ["cidr('192.168.0.0/33')", /invalid prefix/],
  ["cidr('::1/129')", /invalid prefix/],
  ["cidr('192.168.0.0/24').containsIP('x')", /unable to parse IP/],
  ["[].min()", /empty list/],
  ['"%d".format([1.5])', /decimal clause can only be used on integers/],
  ['"%s %s".format(["a"])', /index 1 out of range/],
];

describe("errors the API server raises", () => {
  it.each(ERRORS)("%s fails with %s", (expression, message) => {
    expect(() => runtime.evaluate(expression)).toThrow(message);
  });
});

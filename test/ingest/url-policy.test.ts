import { describe, expect, it } from "vitest";
import { addressProblem, redactUrl } from "../../src/ingest/url-policy.ts";

/** A Teredo address (2001::/32): the server's IPv4 in clear, the client's stored inverted. */
function teredo(server: string, client: string): string {
  const [a, b, c, d] = server.split(".").map(Number) as [number, number, number, number];
  const [e, f, g, h] = client.split(".").map((x) => Number(x) ^ 0xff) as [number, number, number, number];
  const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
  return `2001:0:${hex(a, b)}:${hex(c, d)}:0:0:${hex(e, f)}:${hex(g, h)}`;
}

describe("addressProblem", () => {
  it.each([
    "127.0.0.1",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "224.0.0.251",
    "0.0.0.0",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fd00:ec2::254",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "2002:7f00:1::",
    "0x7f000001",
    "2130706433",
    "0177.0.0.1",
  ])("refuses %s", (addr) => {
    expect(addressProblem(addr)).not.toBeNull();
  });

  it.each(["8.8.8.8", "2a00:1450:4007::1", "::ffff:8.8.8.8", "2002:808:808::"])("accepts %s", (addr) => {
    expect(addressProblem(addr)).toBeNull();
  });

  // An IPv6 address that carries an IPv4 address is judged by that IPv4 address, whatever the form.
  it.each([
    ["::127.0.0.1", "loopback"], // IPv4-compatible, as typed in [::127.0.0.1]
    ["::7f00:1", "loopback"], // the same, as the URL parser writes it
    ["::a9fe:a9fe", "linkLocal"], // 169.254.169.254, the metadata address
    ["::a00:1", "private"], // 10.0.0.1
    ["::c0a8:101", "private"], // 192.168.1.1
    ["::ffff:a9fe:a9fe", "linkLocal"], // IPv4-mapped
    ["::ffff:0:7f00:1", "loopback"], // IPv4-translated (RFC 6145)
    ["64:ff9b::7f00:1", "loopback"], // NAT64
    ["64:ff9b::a00:1", "private"],
    ["64:ff9b:1::808:808", "local-use NAT64"], // RFC 8215: the network decides where it goes
    ["2002:7f00:1::1", "loopback"], // 6to4
    ["2002:a9fe:a9fe::", "linkLocal"],
    ["2002:c0a8:101:1::5", "private"],
    [teredo("65.54.227.120", "127.0.0.1"), "loopback"], // Teredo, client on the loopback
    [teredo("65.54.227.120", "10.0.0.1"), "private"],
    [teredo("10.0.0.1", "8.8.8.8"), "private"], // Teredo, server in the private network
  ])("refuses %s as %s", (addr, why) => {
    expect(addressProblem(addr)).toBe(why);
  });

  it.each(["::808:808", "64:ff9b::808:808", "2002:808:808::1", teredo("65.54.227.120", "8.8.8.8")])(
    "accepts %s, which carries a public IPv4 address",
    (addr) => {
      expect(addressProblem(addr)).toBeNull();
    },
  );

  it("keeps :: and ::1 as the IPv6 unspecified and loopback addresses", () => {
    expect(addressProblem("::")).toBe("unspecified");
    expect(addressProblem("::1")).toBe("loopback");
  });

  it("allows an embedded form of an allowlisted IPv4 address or range", () => {
    expect(addressProblem("::127.0.0.1", { allowHosts: ["127.0.0.1"] })).toBeNull();
    expect(addressProblem("64:ff9b::a00:5", { allowHosts: ["10.0.0.0/8"] })).toBeNull();
    expect(addressProblem("2002:a00:5::", { allowHosts: ["192.168.0.0/16"] })).toBe("private");
  });

  it("honours the allowlist and allowPrivate", () => {
    expect(addressProblem("127.0.0.1", { allowHosts: ["127.0.0.1"] })).toBeNull();
    expect(addressProblem("::ffff:127.0.0.1", { allowHosts: ["127.0.0.1"] })).toBeNull();
    expect(addressProblem("10.2.3.4", { allowHosts: ["10.0.0.0/8"] })).toBeNull();
    expect(addressProblem("10.2.3.4", { allowHosts: ["192.168.0.0/16"] })).not.toBeNull();
    expect(addressProblem("::1", { allowHosts: ["127.0.0.1"] })).not.toBeNull();
    expect(addressProblem("192.168.1.1", { allowPrivate: true })).toBeNull();
  });
});

describe("redactUrl", () => {
  it("drops credentials, query strings and fragments", () => {
    expect(redactUrl("https://u:p@x.example/f?token=abc#x")).toBe("https://x.example/f?[redacted]");
    expect(redactUrl("https://x.example/f")).toBe("https://x.example/f");
  });
});

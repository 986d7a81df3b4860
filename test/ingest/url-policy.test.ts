import { describe, expect, it } from "vitest";
import { addressProblem, redactUrl } from "../../src/ingest/url-policy.ts";

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

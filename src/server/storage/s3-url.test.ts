import { describe, expect, it } from "vitest";
import { parseS3Url } from "./s3-url";

describe("parseS3Url", () => {
  it("reads endpoint, bucket, credentials, region and path style from one URL", () => {
    expect(parseS3Url("s3://AKIAEXAMPLE:abc%2Fdef%2Bghi@s3.ap-southeast-3.amazonaws.com/tanggap-files?region=ap-southeast-3")).toEqual({
      ok: true,
      settings: {
        endpoint: "https://s3.ap-southeast-3.amazonaws.com",
        bucket: "tanggap-files",
        region: "ap-southeast-3",
        forcePathStyle: false,
        credentials: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "abc/def+ghi" },
      },
    });
  });

  it("reaches a server on the same network over plain HTTP with s3+http://, path-style", () => {
    expect(parseS3Url("s3+http://minio:minio123@10.0.0.5:9000/files?forcePathStyle=true")).toEqual({
      ok: true,
      settings: {
        endpoint: "http://10.0.0.5:9000",
        bucket: "files",
        region: "us-east-1",
        forcePathStyle: true,
        credentials: { accessKeyId: "minio", secretAccessKey: "minio123" },
      },
    });
  });

  it("leaves credentials to the SDK's own chain when the URL has none", () => {
    const parsed = parseS3Url("s3://s3.amazonaws.com/tanggap-files");
    expect(parsed.ok && parsed.settings.credentials).toBeUndefined();
  });

  it.each([
    ["not a url", /must be a URL/],
    ["https://k:s@host/bucket", /must start with s3:\/\//],
    ["s3://k:s@host", /must name one bucket/],
    ["s3://k:s@host/Bad_Bucket", /must name one bucket/],
    ["s3://k:s@host/a/b", /must name one bucket/],
    ["s3://k:s@host/bucket?acl=public-read", /unknown parameter "acl"/],
    ["s3://k:s@host/bucket?region=Asia Jakarta", /region/],
    ["s3://k:s@host/bucket?forcePathStyle=yes", /forcePathStyle=true or forcePathStyle=false/],
    ["s3://k@host/bucket", /both the access key and the secret/],
    ["s3://k:%E0%A4%A@host/bucket", /percent-encoded/],
  ])("refuses %s, saying what to fix", (url, problem) => {
    const parsed = parseS3Url(url);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});

// S3_URL: one URL that says where attachments go when they do not stay in PostgreSQL.
//
//   s3://ACCESS_KEY:SECRET_KEY@host[:port]/bucket?region=ap-southeast-3&forcePathStyle=true
//
// `s3://` reaches the endpoint over HTTPS; `s3+http://` over plain HTTP (only for a server on the
// same machine or private network). The key and secret are percent-encoded, as in any URL (a
// secret's "/" is %2F, "+" is %2B); without them the AWS SDK's own credential chain is used (an
// instance role, AWS_ACCESS_KEY_ID…). `region` defaults to us-east-1; `forcePathStyle=true`
// addresses the bucket as host/bucket (MinIO, Ceph, most self-hosted servers) rather than
// bucket.host (AWS's default). Plain TypeScript, so src/env.ts can check it at start.

export interface S3Settings {
  /** The endpoint's origin, e.g. https://s3.ap-southeast-3.amazonaws.com or http://127.0.0.1:9000. */
  endpoint: string;
  bucket: string;
  region: string;
  forcePathStyle: boolean;
  /** Undefined: the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export type S3UrlParse = { ok: true; settings: S3Settings } | { ok: false; problem: string };

const EXAMPLE = "s3://KEY:SECRET@host:port/bucket?region=us-east-1&forcePathStyle=true";
// Bucket names as S3 allows them (3–63 lower-case letters, digits, dots and hyphens).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const KNOWN_PARAMS = new Set(["region", "forcePathStyle"]);

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseS3Url(text: string): S3UrlParse {
  const fail = (problem: string): S3UrlParse => ({ ok: false, problem });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`must be a URL such as ${EXAMPLE}`);
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== "s3" && scheme !== "s3+http") return fail(`must start with s3:// (HTTPS) or s3+http:// (plain HTTP), e.g. ${EXAMPLE}`);
  if (!url.hostname) return fail(`must name the endpoint's host, e.g. ${EXAMPLE}`);
  const bucket = decode(url.pathname.replace(/^\/+|\/+$/g, ""));
  if (!bucket || !BUCKET.test(bucket))
    return fail("must name one bucket after the host (3–63 lower-case letters, digits, dots or hyphens)");
  for (const name of url.searchParams.keys()) {
    if (!KNOWN_PARAMS.has(name)) return fail(`has an unknown parameter "${name}" (only region and forcePathStyle)`);
  }
  const region = url.searchParams.get("region") ?? "us-east-1";
  if (!/^[a-z0-9-]{2,40}$/.test(region)) return fail("has a region that is not a region name (e.g. ap-southeast-3)");
  const pathStyle = url.searchParams.get("forcePathStyle") ?? "false";
  if (pathStyle !== "true" && pathStyle !== "false") return fail("must say forcePathStyle=true or forcePathStyle=false");

  const accessKeyId = decode(url.username);
  const secretAccessKey = decode(url.password);
  if (accessKeyId === null || secretAccessKey === null) return fail("has a key or secret that is not properly percent-encoded");
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    return fail("must give both the access key and the secret (KEY:SECRET@), or neither");

  return {
    ok: true,
    settings: {
      endpoint: `${scheme === "s3" ? "https" : "http"}://${url.host}`,
      bucket,
      region,
      forcePathStyle: pathStyle === "true",
      credentials: accessKeyId ? { accessKeyId, secretAccessKey: secretAccessKey! } : undefined,
    },
  };
}

// A real S3-protocol server (s3rver, from npm: Node only, files in a temporary folder) on a free
// loopback port, for the object-storage tests. It checks SigV4 signatures with its built-in
// account S3RVER:S3RVER. `stop()` takes it down (to test an unreachable bucket) and `start()`
// brings it back on the same port with the same objects.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

export interface S3TestServer {
  /** For S3_URL. */
  readonly url: string;
  readonly bucket: string;
  /** Every key in the bucket, sorted. */
  keys(): Promise<string[]>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its files. */
  dispose(): Promise<void>;
}

const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startS3Server({ bucket = "tanggap-test" }: { bucket?: string } = {}): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), "tanggap-s3-"));
  let port = 0;
  let server: S3rver | null = null;
  const run = async () => {
    server = new S3rver({ address: "127.0.0.1", port, silent: true, directory, configureBuckets: [{ name: bucket }] });
    port = (await server.run()).port;
  };
  await run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: CREDENTIALS });
  const stop = async () => {
    await server?.close();
    server = null;
  };
  return {
    url: `s3+http://${CREDENTIALS.accessKeyId}:${CREDENTIALS.secretAccessKey}@127.0.0.1:${port}/${bucket}?region=us-east-1&forcePathStyle=true`,
    bucket,
    async keys() {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((o) => o.Key!).sort();
    },
    stop,
    async start() {
      if (!server) await run();
    },
    async dispose() {
      await stop();
      client.destroy();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

import "server-only";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { StorageUnavailableError, type BlobStore } from "./blob-store";
import type { S3Settings } from "./s3-url";

// Bounds on one request, so an unreachable server refuses an upload in seconds rather than
// holding the caller's transaction open until it times out.
const CONNECT_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 30_000;

export interface S3BlobStore extends BlobStore {
  readonly bucket: string;
  /** Ends the client's sockets (the move command and tests). */
  close(): void;
}

/**
 * Bytes as objects of one bucket, through the AWS SDK. Objects are private: the bucket needs no
 * public access, and bytes reach a browser only through the app's authorised route.
 */
export function s3BlobStore(settings: S3Settings): S3BlobStore {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    // S3-compatible servers differ in the newer default checksums (CRC32 trailers); the SHA-256
    // header on each put is checked by S3 itself, and every read is checked against the row.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 2,
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
  });
  const { bucket } = settings;
  const unavailable = (action: string, key: string, error: unknown) =>
    new StorageUnavailableError(`S3 ${action} of ${key} in bucket ${bucket} failed: ${describe(error)}`, { cause: error });

  return {
    backend: "S3",
    bucket,
    async put(key, data, sha256) {
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: data,
            ContentLength: data.byteLength,
            ContentType: "application/octet-stream",
            ChecksumSHA256: Buffer.from(sha256, "hex").toString("base64"),
          }),
        );
      } catch (error) {
        throw unavailable("upload", key, error);
      }
    },
    async get(key) {
      try {
        const found = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!found.Body) return null;
        return await found.Body.transformToByteArray();
      } catch (error) {
        if (error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404)) return null;
        throw unavailable("download", key, error);
      }
    },
    async delete(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      } catch (error) {
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return;
        throw unavailable("delete", key, error);
      }
    },
    close() {
      client.destroy();
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof S3ServiceException) return `${error.name} (HTTP ${error.$metadata.httpStatusCode ?? "?"})`;
  if (error instanceof Error) return [error.name, "code" in error ? String(error.code) : "", error.message].filter(Boolean).join(" ");
  return String(error);
}

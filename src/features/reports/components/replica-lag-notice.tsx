import { getTranslations } from "next-intl/server";
import { env } from "@/env";
import { replicaLag } from "@/server/db/replicas";

/**
 * Said on the reports page when a read replica is further behind the primary than
 * REPLICA_LAG_NOTICE_SECONDS: the figures below may not count the latest changes yet.
 */
export async function ReplicaLagNotice() {
  const lags = (await replicaLag()).map((l) => l.seconds).filter((s): s is number => s !== null);
  const worst = Math.max(0, ...lags);
  if (worst <= env().REPLICA_LAG_NOTICE_SECONDS) return null;
  const t = await getTranslations("reports");
  return (
    <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="replica-lag">
      {t("replicaLag", { seconds: Math.ceil(worst) })}
    </p>
  );
}

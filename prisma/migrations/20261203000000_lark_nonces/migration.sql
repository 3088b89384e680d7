-- CreateTable
CREATE TABLE "LarkNonce" (
    "nonce" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LarkNonce_pkey" PRIMARY KEY ("nonce")
);

-- CreateIndex
CREATE INDEX "LarkNonce_receivedAt_idx" ON "LarkNonce"("receivedAt");

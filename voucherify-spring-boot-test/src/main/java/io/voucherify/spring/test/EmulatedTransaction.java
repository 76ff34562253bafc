package io.voucherify.spring.test;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one transaction (a balance change) recorded by a
 * {@link VoucherifyEmulator}.
 *
 * @param id the transaction id, {@code vtx_...}; ids sort in the order transactions were
 * made
 * @param type {@code CREDITS_ADDITION} or {@code CREDITS_REMOVAL} for gift cards,
 * {@code POINTS_ADDITION} or {@code POINTS_REMOVAL} for loyalty cards
 * @param amount the signed change, in minor units or points
 * @param balanceAfter the balance (or points) after the change
 * @param sourceId the {@code source_id} sent with the change, if any
 * @param reason the {@code reason} sent with the change, if any
 * @param createdAt when the change was made
 * @since 0.1.0
 */
public record EmulatedTransaction(String id, String type, long amount, long balanceAfter, @Nullable String sourceId,
		@Nullable String reason, Instant createdAt) {

}

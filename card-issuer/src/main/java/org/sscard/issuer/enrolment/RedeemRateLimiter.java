package org.sscard.issuer.enrolment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.issuer.error.IssuerError;
import org.sscard.issuer.error.IssuerException;

/**
 * At most {@code max-redeem-attempts} failed redemptions per client address in any {@code redeem-window}, counted in
 * the database (across threads and issuer instances): one transaction holds an advisory lock on the address, prunes
 * what slid out of the window (every address's, so the table stays as small as the window), counts, and takes a slot,
 * so two attempts are never both let through as the last one. Taken before the request body is read: an address over
 * the limit costs one small transaction and nothing more. A redemption that succeeds gives its slot back
 * ({@link #refund}): the limit is on guessing, and a city counter's residents share one address.
 */
@Component
class RedeemRateLimiter {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EnrolmentProperties properties;

    RedeemRateLimiter(JdbcClient jdbc, PlatformTransactionManager transactionManager, EnrolmentProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    void take(String address) {
        boolean taken = Boolean.TRUE.equals(transactions.execute(status -> takeInTransaction(address)));
        if (!taken) {
            throw new IssuerException(
                    IssuerError.TOO_MANY_ATTEMPTS,
                    "at most " + properties.maxRedeemAttempts() + " attempts in " + properties.redeemWindow()
                            + " from one address");
        }
    }

    /** Gives back the slot an attempt from this address took (its newest), after the attempt succeeded. */
    void refund(String address) {
        jdbc.sql("""
                        DELETE FROM enrolment_redeem_attempt WHERE ctid = (
                            SELECT ctid FROM enrolment_redeem_attempt WHERE address = :address
                            ORDER BY at DESC LIMIT 1)""").param("address", address).update();
    }

    private boolean takeInTransaction(String address) {
        // the lock ends with the transaction; 64 bits of the address's hash: a collision only serialises
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) AS locked")
                .param("key", "enrolment-redeem:" + address)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        DELETE FROM enrolment_redeem_attempt WHERE at <= now() - make_interval(secs => :window)""").param("window", properties.redeemWindow().toSeconds()).update();
        int attempts = jdbc.sql("SELECT count(*) FROM enrolment_redeem_attempt WHERE address = :address")
                .param("address", address)
                .query(Integer.class)
                .single();
        if (attempts >= properties.maxRedeemAttempts()) {
            return false;
        }
        jdbc.sql("INSERT INTO enrolment_redeem_attempt (address, at) VALUES (:address, now())")
                .param("address", address)
                .update();
        return true;
    }
}

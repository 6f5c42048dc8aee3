package org.sscard.desk.check;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.sscard.common.time.PlatformDates;
import org.sscard.desk.config.DeskProperties;
import org.sscard.desk.login.Clerk;
import org.sscard.desk.ratelimit.CheckRateLimiter;
import org.sscard.desk.statement.StatementClaims;
import org.sscard.desk.statement.Statements;

/**
 * One eligibility check, for the pages and the API alike: the clerk's rate limit first (nothing is asked past
 * it), then the grant and the insurer ({@link EligibilityDecision}), the answer in words, the signed statement,
 * and the check record. The clerk's access token is the grant's actor: the platform, not the desk, decides whether
 * this clerk may look this person up.
 */
@Service
public class CheckService {

    private final CheckRateLimiter rateLimiter;
    private final EligibilityDecision decision;
    private final OutcomeWords words;
    private final Statements statements;
    private final CheckRecords records;
    private final Clock clock;

    CheckService(
            CheckRateLimiter rateLimiter,
            ReceptionGrants grants,
            Insurers insurers,
            DeskProperties desk,
            PlatformDates dates,
            Statements statements,
            CheckRecords records,
            Clock clock) {
        this.rateLimiter = rateLimiter;
        this.decision = new EligibilityDecision(grants, insurers, desk.check().maxInsurers());
        this.words = new OutcomeWords(dates);
        this.statements = statements;
        this.records = records;
        this.clock = clock;
    }

    /** Today in Japan: the day a coverage must be valid on, and the visit day of the statement. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PlatformDates.ZONE);
    }

    public CheckResult check(Clerk clerk, String actorToken, CheckRequest request, Channel channel) {
        rateLimiter.take(clerk.subject(), clerk.name(), clerk.organisation());
        Decision decided = decision.decide(actorToken, request, today());
        UUID checkId = UUID.randomUUID();
        Instant checkedAt = clock.instant();
        String statement = statements.sign(new StatementClaims(
                checkId,
                clerk.organisation(),
                clerk.subject(),
                clerk.name(),
                decided.patientNumber(),
                decided.outcome().name(),
                decided.refusal() == null ? null : decided.refusal().name(),
                coverageClaim(decided.coverage()),
                newCoverageClaim(decided.newCoverage()),
                previousCoverageClaim(decided.previousCoverage()),
                checkedAt));
        CheckResult result = new CheckResult(
                checkId,
                checkedAt,
                decided.outcome(),
                decided.refusal(),
                words.of(decided),
                decided.coverage(),
                decided.newCoverage(),
                decided.previousCoverage(),
                decided.patientNumber(),
                statement);
        records.append(result, decided, clerk, request, channel);
        return result;
    }

    private static Map<String, Object> coverageClaim(Coverage coverage) {
        if (coverage == null) {
            return null;
        }
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("insurer_number", coverage.insurerNumber());
        claim.put("insurer_name", coverage.insurerName());
        claim.put("symbol", coverage.symbol());
        claim.put("number", coverage.number());
        claim.put("branch", coverage.branch());
        claim.put("name_kanji", coverage.nameKanji());
        claim.put("name_kana", coverage.nameKana());
        claim.put("date_of_birth", text(coverage.dateOfBirth()));
        claim.put("sex", coverage.sex());
        claim.put("relationship", coverage.relationship());
        claim.put("copay_percent", coverage.copayPercent());
        claim.put("limit_category", coverage.limitCategory());
        claim.put("acquired_on", text(coverage.acquiredOn()));
        claim.put("lost_on", text(coverage.lostOn()));
        claim.values().removeIf(java.util.Objects::isNull);
        return claim;
    }

    private static Map<String, Object> newCoverageClaim(NewCoverage coverage) {
        if (coverage == null) {
            return null;
        }
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("insurer_key", coverage.insurerKey());
        claim.put("name_ja", coverage.nameJa());
        claim.put("name_en", coverage.nameEn());
        claim.values().removeIf(java.util.Objects::isNull);
        return claim;
    }

    private static Map<String, Object> previousCoverageClaim(PreviousCoverage coverage) {
        if (coverage == null) {
            return null;
        }
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("insurer_name_ja", coverage.insurerNameJa());
        claim.put("insurer_name_en", coverage.insurerNameEn());
        claim.put("lost_on", text(coverage.lostOn()));
        claim.values().removeIf(java.util.Objects::isNull);
        return claim;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}

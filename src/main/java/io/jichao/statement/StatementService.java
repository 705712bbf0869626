package io.jichao.statement;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.MeterService;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;

/**
 * A household's monthly statement as a PDF (issue 7 item 3): readings at the Shanghai month's
 * boundaries, usage with its incomplete flag, tariff in force, the month's ledger entries and the
 * opening and closing balance. FINANCE only; a household without a meter inside the operator's
 * district is "not found", so nothing leaks.
 */
@Service
public class StatementService {

    private final StatementData data;
    private final StatementRenderer renderer;
    private final MeterService meters;
    private final CurrentOperator currentOperator;

    StatementService(StatementData data, StatementRenderer renderer, MeterService meters,
                     CurrentOperator currentOperator) {
        this.data = data;
        this.renderer = renderer;
        this.meters = meters;
        this.currentOperator = currentOperator;
    }

    /** The statement of a household of the district. */
    @Transactional(readOnly = true)
    public byte[] statement(long householdId, YearMonth month, Locale locale) {
        return renderer.pdf(load(householdId, month), locale);
    }

    /** The statement of the household of a meter of the district. */
    @Transactional(readOnly = true)
    public byte[] statementOfMeter(long meterId, YearMonth month, Locale locale) {
        finance();
        meters.get(meterId);
        Long householdId = data.householdOf(meterId);
        if (householdId == null) {
            throw new DomainException("error.statement.no.household");
        }
        return statement(householdId, month, locale);
    }

    /** The statement's figures, as the PDF shows them. */
    @Transactional(readOnly = true)
    public MonthlyStatement load(long householdId, YearMonth month) {
        OperatorContext operator = finance();
        requireMonth(month);
        List<MonthlyStatement> found = data.load(List.of(householdId), operator.district(), month);
        if (found.isEmpty()) {
            throw new DomainException("error.statement.not.found");
        }
        return found.getFirst();
    }

    /** File name of a household's statement, e.g. {@code statement-2026-11-A-101.pdf}. */
    public static String fileName(MonthlyStatement statement) {
        return "statement-" + statement.month() + "-" + safe(statement.buildingName()) + "-"
                + safe(statement.room()) + "-" + statement.householdId() + ".pdf";
    }

    private OperatorContext finance() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.FINANCE);
        return operator;
    }

    static void requireMonth(YearMonth month) {
        if (month == null) {
            throw new DomainException("error.required", "month");
        }
    }

    private static String safe(String part) {
        return part == null ? "" : part.replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
    }
}

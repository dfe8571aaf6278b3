package io.mlconnector.mapping.api;

import io.mlconnector.mapping.admin.RuleRejection;
import io.mlconnector.mapping.admin.RulesRejectedException;
import io.mlconnector.mapping.csv.CsvRowException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problems a person can act on, as JSON: which row, which rule, why. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors {
    public record CsvError(String error, int row, String reason) {
    }

    public record RulesError(String error, List<RuleRejection> rejections) {
    }

    public record BadRequest(String error, String message) {
    }

    @ExceptionHandler(CsvRowException.class)
    public ResponseEntity<CsvError> csv(CsvRowException e) {
        return ResponseEntity.badRequest().body(new CsvError("CSV_ROW_INVALID", e.row(), e.reason()));
    }

    @ExceptionHandler(RulesRejectedException.class)
    public ResponseEntity<RulesError> rejected(RulesRejectedException e) {
        return ResponseEntity.status(422).body(new RulesError("RULES_REJECTED", e.rejections()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<BadRequest> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(new BadRequest("BAD_REQUEST", e.getMessage()));
    }
}

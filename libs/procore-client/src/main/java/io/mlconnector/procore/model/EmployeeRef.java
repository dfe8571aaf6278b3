package io.mlconnector.procore.model;

/** The employee on a payroll direct cost. */
public record EmployeeRef(long id, String name) {
}

package org.integrationhub.common.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The interfaces' data rules, each with a value that passes and one that breaks it. */
class DataValidatorTest {

    static List<FieldError> partnerFaults(String json) throws Exception {
        ObjectNode data = (ObjectNode) Json.STRICT.readTree(json);
        List<FieldError> errors = new ArrayList<>();
        DataValidator.validate(InterfaceRegistry.get("partners"), data, "data.", false, errors);
        return errors;
    }

    static List<FieldError> employeeFaults(String json) throws Exception {
        ObjectNode data = (ObjectNode) Json.STRICT.readTree(json);
        List<FieldError> errors = new ArrayList<>();
        DataValidator.validate(InterfaceRegistry.get("employees"), data, "data.", false, errors);
        return errors;
    }

    @Test
    void theRegistryExamplesAreValid() throws Exception {
        for (var definition : InterfaceRegistry.all()) {
            List<FieldError> errors = new ArrayList<>();
            Envelope envelope = EnvelopeReader.validate(Json.STRICT.readTree(definition.example()), "", definition,
                    InstantRange.STORABLE, errors);
            assertThat(errors).as(definition.name()).isEmpty();
            assertThat(envelope).isNotNull();
        }
    }

    @Test
    void aCompanysTaxIdMustBeAValidUnifiedSocialCreditCode() throws Exception {
        String base = "{\"code\":\"P1\",\"name\":\"Co\",\"type\":\"COMPANY\",\"categoryCode\":\"SUPPLIER\",\"taxId\":\"%s\"}";
        assertThat(partnerFaults(base.formatted("91350100M000100Y43"))).isEmpty();
        assertThat(partnerFaults(base.formatted("91350100M000100Y44")))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("data.taxId", ErrorCode.INVALID_VALUE));
        assertThat(partnerFaults(base.formatted("9135")))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("data.taxId", ErrorCode.INVALID_FORMAT));
        // a person's tax id is not a USCC
        assertThat(partnerFaults(base.replace("COMPANY", "PERSON").formatted("110101199003070000"))).isEmpty();
    }

    @Test
    void addressIsCheckedFieldByField() throws Exception {
        String json = """
                {"code":"P1","name":"Co","type":"COMPANY","categoryCode":"SUPPLIER",
                 "address":{"line1":"1 Road","countryCode":"XX","zip":"1","city":"%s"}}""".formatted("c".repeat(101));
        assertThat(partnerFaults(json)).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                tuple("data.address.countryCode", ErrorCode.INVALID_VALUE),
                tuple("data.address.zip", ErrorCode.UNKNOWN_FIELD),
                tuple("data.address.city", ErrorCode.TOO_LONG));
        assertThat(partnerFaults(json.replace("XX", "CN").replace(",\"zip\":\"1\"", "").replace("c".repeat(101), "Fuzhou")))
                .isEmpty();
        assertThat(partnerFaults("{\"code\":\"P1\",\"name\":\"Co\",\"type\":\"COMPANY\",\"categoryCode\":\"S\",\"address\":\"x\"}"))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("data.address", ErrorCode.INVALID_FORMAT));
    }

    @Test
    void partnerTypeIsCompanyOrPerson() throws Exception {
        assertThat(partnerFaults("{\"code\":\"P1\",\"name\":\"Co\",\"type\":\"GOVERNMENT\",\"categoryCode\":\"S\"}"))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("data.type", ErrorCode.INVALID_VALUE));
        assertThat(partnerFaults("{\"code\":\"P1\",\"name\":\"Co\",\"categoryCode\":\"S\"}"))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("data.type", ErrorCode.REQUIRED));
    }

    @Test
    void employeeFormats() throws Exception {
        String ok = "{\"code\":\"E1\",\"name\":\"Li Wei\",\"departmentCode\":\"D1\",\"email\":\"li@h.example\","
                + "\"phone\":\"+86 (10) 5555-0101\",\"hireDate\":\"2019-07-01\"}";
        assertThat(employeeFaults(ok)).isEmpty();
        String bad = "{\"code\":\"E1\",\"name\":\"%s\",\"departmentCode\":\"D1\",\"email\":\"li@\","
                + "\"phone\":\"call me\",\"hireDate\":\"2019-02-30\",\"active\":1}";
        assertThat(employeeFaults(bad.formatted("n".repeat(101)))).extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("data.name", ErrorCode.TOO_LONG),
                        tuple("data.email", ErrorCode.INVALID_FORMAT),
                        tuple("data.phone", ErrorCode.INVALID_FORMAT),
                        tuple("data.hireDate", ErrorCode.INVALID_FORMAT),
                        tuple("data.active", ErrorCode.INVALID_FORMAT));
        assertThat(employeeFaults("{\"code\":\"E1\",\"name\":\"Li\"}"))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("data.departmentCode", ErrorCode.REQUIRED));
    }

    @Test
    void codesAreAtMost32LettersDigitsDashesAndUnderscores() throws Exception {
        assertThat(employeeFaults("{\"code\":\"%s\",\"name\":\"x\",\"departmentCode\":\"D_1-a\"}".formatted("A".repeat(32))))
                .isEmpty();
        assertThat(employeeFaults("{\"code\":\"%s\",\"name\":\"x\",\"departmentCode\":\"D 1\"}".formatted("A".repeat(33))))
                .extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                        tuple("data.code", ErrorCode.TOO_LONG), tuple("data.departmentCode", ErrorCode.INVALID_FORMAT));
    }
}

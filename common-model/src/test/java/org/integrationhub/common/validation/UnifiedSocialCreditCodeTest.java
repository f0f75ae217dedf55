package org.integrationhub.common.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnifiedSocialCreditCodeTest {

    @Test
    void acceptsCodesWithTheRightCheckCharacter() {
        // published examples of GB 32100-2015 codes
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91110000600037341L")).isTrue();
    }

    @Test
    void refusesAWrongCheckCharacterOrLetterOrLength() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100I43")).as("I is not in the alphabet").isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100m000100Y43")).as("lower case").isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }

    @Test
    void everySingleCharacterChangeIsCaught() {
        String valid = "91110000600037341L";
        for (int i = 0; i < 17; i++) {
            for (char c : UnifiedSocialCreditCode.ALPHABET.toCharArray()) {
                if (c == valid.charAt(i)) {
                    continue;
                }
                String changed = valid.substring(0, i) + c + valid.substring(i + 1);
                assertThat(UnifiedSocialCreditCode.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @Test
    void computesTheCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }
}

package io.liaison.mailimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportFolderNameTest {

    @Test
    void readsTheSpecsExample() {
        assertThat(ImportFolderName.parse("CRM Erledigt [E]"))
                .contains(new ImportFolderName("Erledigt", "E"));
    }

    @Test
    void descriptionMayHoldSpacesAndTheStatusMoreThanOneLetter() {
        assertThat(ImportFolderName.parse("CRM Angebote Kunde A [OF]"))
                .contains(new ImportFolderName("Angebote Kunde A", "OF"));
    }

    @Test
    void emptyBracketsAreAnImportFolderWithoutStatus() {
        assertThat(ImportFolderName.parse("CRM Offen []")).contains(new ImportFolderName("Offen", ""));
    }

    @Test
    void otherNamesAreNotImportFolders() {
        assertThat(ImportFolderName.parse("Erledigt [E]")).isEmpty();
        assertThat(ImportFolderName.parse("CRM Erledigt")).isEmpty();
        assertThat(ImportFolderName.parse("CRM [E]")).isEmpty();
        assertThat(ImportFolderName.parse("crm Erledigt [E]")).isEmpty();
        assertThat(ImportFolderName.parse("CRMErledigt [E]")).isEmpty();
        assertThat(ImportFolderName.parse("CRM Erledigt [E] alt")).isEmpty();
    }
}

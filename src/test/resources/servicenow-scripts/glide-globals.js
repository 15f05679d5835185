/*
 * The ServiceNow globals the shipped scripts use, mapped to the Java stand-ins of the test
 * (io.opsflow.servicenow.script.Glide): constructors that hand back a Java object, and the
 * Prototype-style Class.create() that script includes are written with.
 */
var Class = {
    create: function () {
        return function () {
            this.initialize.apply(this, arguments);
        };
    }
};

function GlideRecord(table) {
    return glide.newRecord(table);
}

function GlideDateTime() {
    return glide.newDateTime();
}

function GlideCertificateEncryption() {
    return glide.newCertificateEncryption();
}

var sn_ws = {
    RESTMessageV2: function () {
        return glide.newRestMessage();
    }
};

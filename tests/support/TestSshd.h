#pragma once
// Test support: a throwaway OpenSSH sshd on 127.0.0.1 and a free port, with its own host key,
// an authorized client key and its own config, in a temporary directory. It can be killed hard
// (with every session process) and started again on the same port with the same keys, or have
// its connections dropped while the commands they started run on.

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>

class TestSshd {
public:
    TestSshd();
    ~TestSshd();

    /// Starts sshd; returns false (with the reason in error()) when it does not come up.
    bool start();
    /// SIGKILLs sshd and all its session processes (a crash or a pulled plug).
    void killHard();
    /// SIGKILLs sshd's per-connection processes but neither sshd nor the commands they started:
    /// every connection drops as with a cut link, and sshd accepts new ones at once.
    void dropConnections();
    /// SIGSTOPs (or SIGCONTs) the session processes: a link that hangs without closing.
    void freezeSessions(bool frozen);
    QString error() const { return m_error; }

    int port() const { return m_port; }
    QString user() const; ///< the local user, who is also the login user
    QString clientKey() const { return path(QStringLiteral("id_ed25519")); }
    QString otherClientKey() const { return path(QStringLiteral("other_ed25519")); }
    /// An authorized client key encrypted with lockedKeyPassphrase().
    QString lockedClientKey() const { return path(QStringLiteral("locked_ed25519")); }
    static QString lockedKeyPassphrase() { return QStringLiteral("correct horse battery"); }
    QString hostKeyFingerprint() const { return m_fingerprint; } ///< as `ssh-keygen -lf` prints it
    /// A fingerprint of another host key, for "changed key" tests: its public key line.
    QString otherHostPublicKey() const;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private:
    bool run(const QStringList& argv, QByteArray* out = nullptr);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_sshd;
    int m_port = 0;
    QString m_fingerprint;
    QString m_error;
};

/// Runs `ssh-keygen -lf FILE` and returns the SHA256:… field.
QString sshKeygenFingerprint(const QString& publicKeyFile);

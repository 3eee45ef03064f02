using System.Security.Cryptography;

namespace Composer.Training;

/// <summary>
/// Passes bytes through to or from another stream and computes their SHA-256 on the way, so that a checkpoint is
/// hashed while it is written or read, never held whole in memory. Reading stops at <c>readLimit</c> bytes.
/// </summary>
internal sealed class HashingStream(Stream inner, long readLimit = long.MaxValue) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    /// <summary>The bytes passed through so far.</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>The SHA-256 of every byte passed through.</summary>
    public byte[] Hash() => _hash.GetCurrentHash();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = buffer[..(int)Math.Min(buffer.Length, readLimit - _position)];
        int read = wanted.IsEmpty ? 0 : inner.Read(wanted);
        _hash.AppendData(wanted[..read]);
        _position += read;
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        inner.Write(buffer);
        _position += buffer.Length;
    }

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose(); // the inner stream belongs to the caller
        }

        base.Dispose(disposing);
    }
}

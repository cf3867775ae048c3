using Silk.NET.OpenGL;

namespace Twin.Viewer.Render;

/// <summary>
/// An opaque 2D image (the window's legend panel, drawn by <see cref="MapAnnotations.Panel"/>) copied onto the window
/// after the city with glBlitFramebuffer from a texture-backed framebuffer: no shader and no blending needed.
/// One texture and one framebuffer; dispose before the context goes (viewer-notes §4.1).
/// </summary>
public sealed unsafe class ScreenOverlay(GL gl) : IDisposable
{
    private readonly uint _texture = gl.GenTexture(), _fbo = gl.GenFramebuffer();
    private int _width, _height;

    /// <summary>Uploads the image (RGBA, top row first).</summary>
    public void SetImage(byte[] rgba, int width, int height)
    {
        gl.BindTexture(TextureTarget.Texture2D, _texture);
        gl.PixelStore(PixelStoreParameter.UnpackAlignment, 1);
        fixed (byte* p = rgba)
        {
            gl.TexImage2D(TextureTarget.Texture2D, 0, InternalFormat.Rgba8, (uint)width, (uint)height, 0, PixelFormat.Rgba, PixelType.UnsignedByte, p);
        }

        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureMinFilter, (int)TextureMinFilter.Nearest);
        gl.BindFramebuffer(FramebufferTarget.ReadFramebuffer, _fbo);
        gl.FramebufferTexture2D(FramebufferTarget.ReadFramebuffer, FramebufferAttachment.ColorAttachment0, TextureTarget.Texture2D, _texture, 0);
        gl.BindFramebuffer(FramebufferTarget.ReadFramebuffer, 0);
        (_width, _height) = (width, height);
    }

    /// <summary>Copies the image to the window's bottom-left corner (GL rows run bottom-up: the source rectangle is flipped).</summary>
    public void BlitToScreenBottomLeft()
    {
        if (_width == 0)
        {
            return;
        }

        gl.BindFramebuffer(FramebufferTarget.ReadFramebuffer, _fbo);
        gl.ReadBuffer(ReadBufferMode.ColorAttachment0);
        gl.BindFramebuffer(FramebufferTarget.DrawFramebuffer, 0);
        gl.BlitFramebuffer(0, _height, _width, 0, 0, 0, _width, _height, ClearBufferMask.ColorBufferBit, BlitFramebufferFilter.Nearest);
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);
    }

    /// <summary>Frees the GPU objects.</summary>
    public void Dispose()
    {
        gl.DeleteFramebuffer(_fbo);
        gl.DeleteTexture(_texture);
    }
}

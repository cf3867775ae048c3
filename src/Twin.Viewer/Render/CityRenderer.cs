using System.Numerics;
using Silk.NET.OpenGL;
using Twin.Viewer.Scene;

namespace Twin.Viewer.Render;

/// <summary>An image and the building under each pixel (index + 1; 0 = background), both top row first.</summary>
public sealed record RenderedFrame(int Width, int Height, byte[] Rgba, uint[] BuildingIds)
{
    /// <summary>The building index under pixel (x, y) counted from the top-left, or −1 for none.</summary>
    public int BuildingAt(int x, int y) => (int)BuildingIds[(y * Width) + x] - 1;
}

/// <summary>
/// Draws a <see cref="CityMesh"/> with one MRT pass into an own framebuffer: colour (RGBA8, Lambert-shaded ramp
/// colour) and building id (R32UI) for exact picking. The mesh is uploaded once; <see cref="SetValues"/> uploads one
/// float per building (a buffer texture the shader indexes by building id), so recolouring never re-meshes.
/// All GL calls must stay on the thread that made the context current (viewer-notes §4.1).
/// </summary>
public sealed unsafe class CityRenderer : IDisposable
{
    private const string VertexShader = """
        #version 330 core
        layout(location = 0) in vec3 aPosition;
        layout(location = 1) in uint aId;
        uniform mat4 uViewProjection;
        out vec3 vPosition;
        flat out uint vId;
        void main() {
            vPosition = aPosition;
            vId = aId;
            gl_Position = uViewProjection * vec4(aPosition, 1.0);
        }
        """;

    private const string FragmentShader = """
        #version 330 core
        in vec3 vPosition;
        flat in uint vId;
        uniform samplerBuffer uValues;
        uniform vec3 uRamp[9];
        uniform vec3 uLight;
        layout(location = 0) out vec4 oColour;
        layout(location = 1) out uint oId;
        void main() {
            float t = texelFetch(uValues, int(vId) - 1).r;
            vec3 base;
            if (isnan(t)) { base = vec3(0.78); }
            else {
                float x = clamp(t, 0.0, 1.0) * 8.0;
                int i = min(int(x), 7);
                base = mix(uRamp[i], uRamp[i + 1], x - float(i));
            }
            // Flat face normal from screen-space derivatives of the position: towards the viewer, i.e. outward for the
            // front faces that survive culling. Walls and roofs are planar, so this is their exact normal.
            vec3 normal = normalize(cross(dFdx(vPosition), dFdy(vPosition)));
            float light = 0.55 + 0.45 * max(dot(normal, uLight), 0.0);
            oColour = vec4(base * light, 1.0);
            oId = vId;
        }
        """;

    private readonly GL _gl;
    private readonly uint _program, _vao, _vbo, _idBuffer, _indexBuffer, _valueBuffer, _valueTexture;
    private readonly int _indexCount;
    private uint _fbo, _colourRb, _idRb, _depthRb;
    private int _width, _height;

    /// <summary>Uploads the mesh to the GPU of the current context.</summary>
    public CityRenderer(GL gl, CityMesh mesh)
    {
        _gl = gl;
        _indexCount = mesh.Indices.Length;
        _program = Link(CompileShader(ShaderType.VertexShader, VertexShader), CompileShader(ShaderType.FragmentShader, FragmentShader));
        _vao = gl.GenVertexArray();
        gl.BindVertexArray(_vao);
        _vbo = gl.GenBuffer();
        gl.BindBuffer(BufferTargetARB.ArrayBuffer, _vbo);
        gl.BufferData<float>(BufferTargetARB.ArrayBuffer, mesh.Positions, BufferUsageARB.StaticDraw);
        gl.EnableVertexAttribArray(0);
        gl.VertexAttribPointer(0, 3, VertexAttribPointerType.Float, false, CityMesh.FloatsPerVertex * sizeof(float), (void*)0);
        _idBuffer = gl.GenBuffer();
        gl.BindBuffer(BufferTargetARB.ArrayBuffer, _idBuffer);
        gl.BufferData<uint>(BufferTargetARB.ArrayBuffer, mesh.BuildingIds, BufferUsageARB.StaticDraw);
        gl.EnableVertexAttribArray(1);
        gl.VertexAttribIPointer(1, 1, VertexAttribIType.UnsignedInt, sizeof(uint), (void*)0);
        _indexBuffer = gl.GenBuffer();
        gl.BindBuffer(BufferTargetARB.ElementArrayBuffer, _indexBuffer); // recorded in the VAO
        gl.BufferData<uint>(BufferTargetARB.ElementArrayBuffer, mesh.Indices, BufferUsageARB.StaticDraw);
        gl.BindVertexArray(0);

        _valueBuffer = gl.GenBuffer();
        _valueTexture = gl.GenTexture();
        SetValues(new float[Math.Max(1, mesh.BuildingCount)].Select(_ => float.NaN).ToArray());
    }

    /// <summary>Per building a ramp position t ∈ [0, 1] (NaN = no value, drawn grey). One float per building is uploaded.</summary>
    public void SetValues(ReadOnlySpan<float> ramp01)
    {
        _gl.BindBuffer(BufferTargetARB.TextureBuffer, _valueBuffer);
        _gl.BufferData(BufferTargetARB.TextureBuffer, ramp01, BufferUsageARB.DynamicDraw);
        _gl.BindTexture(TextureTarget.TextureBuffer, _valueTexture);
        _gl.TexBuffer(TextureTarget.TextureBuffer, SizedInternalFormat.R32f, _valueBuffer);
    }

    /// <summary>Draws one frame (colours and building ids) and reads it back.</summary>
    public RenderedFrame Render(Camera camera, ColourRamp ramp, int width, int height, (byte R, byte G, byte B) background)
    {
        Draw(camera, ramp, width, height, background);
        return ReadBack();
    }

    /// <summary>Draws into the offscreen target (colour + id) without reading it back: the interactive path.</summary>
    public void Draw(Camera camera, ColourRamp ramp, int width, int height, (byte R, byte G, byte B) background)
    {
        EnsureTarget(width, height);
        _gl.BindFramebuffer(FramebufferTarget.Framebuffer, _fbo);
        _gl.Viewport(0, 0, (uint)width, (uint)height);
        _gl.Enable(EnableCap.DepthTest);
        _gl.Enable(EnableCap.CullFace);
        _gl.CullFace(TriangleFace.Back);
        float[] clear = [background.R / 255f, background.G / 255f, background.B / 255f, 1f];
        uint[] noId = [0, 0, 0, 0];
        float[] depth = [1f];
        _gl.ClearBuffer(BufferKind.Color, 0, clear); // integer attachments need ClearBuffer, not glClear (notes §4.2)
        _gl.ClearBuffer(BufferKind.Color, 1, noId);
        _gl.ClearBuffer(BufferKind.Depth, 0, depth);

        _gl.UseProgram(_program);
        Matrix4x4 vp = camera.ViewProjection;
        _gl.UniformMatrix4(_gl.GetUniformLocation(_program, "uViewProjection"), 1, false, (float*)&vp);
        float[] stops = ramp.Stops.SelectMany(s => s.Select(c => c / 255f)).ToArray();
        _gl.Uniform3(_gl.GetUniformLocation(_program, "uRamp"), 9, stops);
        Vector3 light = Vector3.Normalize(new Vector3(-0.4f, -0.3f, 0.85f));
        _gl.Uniform3(_gl.GetUniformLocation(_program, "uLight"), light.X, light.Y, light.Z);
        _gl.ActiveTexture(TextureUnit.Texture0);
        _gl.BindTexture(TextureTarget.TextureBuffer, _valueTexture);
        _gl.Uniform1(_gl.GetUniformLocation(_program, "uValues"), 0);
        _gl.BindVertexArray(_vao);
        _gl.DrawElements(PrimitiveType.Triangles, (uint)_indexCount, DrawElementsType.UnsignedInt, (void*)0);
        _gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);
    }

    /// <summary>Reads the last drawn frame's colour and id buffers (flipped to top-down rows).</summary>
    public RenderedFrame ReadBack()
    {
        int width = _width, height = _height;
        _gl.BindFramebuffer(FramebufferTarget.Framebuffer, _fbo);
        _gl.Finish();
        byte[] rgba = new byte[width * height * 4];
        uint[] ids = new uint[width * height];
        _gl.PixelStore(PixelStoreParameter.PackAlignment, 1);
        _gl.ReadBuffer(ReadBufferMode.ColorAttachment0);
        fixed (byte* p = rgba)
        {
            _gl.ReadPixels(0, 0, (uint)width, (uint)height, PixelFormat.Rgba, PixelType.UnsignedByte, p);
        }

        _gl.ReadBuffer(ReadBufferMode.ColorAttachment1);
        fixed (uint* p = ids)
        {
            _gl.ReadPixels(0, 0, (uint)width, (uint)height, PixelFormat.RedInteger, PixelType.UnsignedInt, p);
        }

        _gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);
        return new RenderedFrame(width, height, FlipRows(rgba, width * 4, height), FlipRows(ids, width, height));
    }

    /// <summary>The building index under pixel (x, y) from the top-left of the last drawn frame, or −1: one R32UI pixel is read.</summary>
    public int Pick(int x, int y)
    {
        if (_fbo == 0 || x < 0 || y < 0 || x >= _width || y >= _height)
        {
            return -1;
        }

        uint id = 0;
        _gl.BindFramebuffer(FramebufferTarget.Framebuffer, _fbo);
        _gl.ReadBuffer(ReadBufferMode.ColorAttachment1);
        _gl.ReadPixels(x, _height - 1 - y, 1, 1, PixelFormat.RedInteger, PixelType.UnsignedInt, &id);
        _gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);
        return (int)id - 1;
    }

    /// <summary>Waits until the GL has finished every command (honest frame times).</summary>
    public void Finish() => _gl.Finish();

    /// <summary>Copies the last drawn colour image to the window's framebuffer.</summary>
    public void BlitToScreen(int windowWidth, int windowHeight)
    {
        _gl.BindFramebuffer(FramebufferTarget.ReadFramebuffer, _fbo);
        _gl.ReadBuffer(ReadBufferMode.ColorAttachment0);
        _gl.BindFramebuffer(FramebufferTarget.DrawFramebuffer, 0);
        _gl.BlitFramebuffer(0, 0, _width, _height, 0, 0, windowWidth, windowHeight, ClearBufferMask.ColorBufferBit, BlitFramebufferFilter.Nearest);
        _gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);
    }

    /// <summary>Frees the GPU objects (before the context goes).</summary>
    public void Dispose()
    {
        DeleteTarget();
        _gl.DeleteTexture(_valueTexture);
        _gl.DeleteBuffer(_valueBuffer);
        _gl.DeleteBuffer(_idBuffer);
        _gl.DeleteBuffer(_indexBuffer);
        _gl.DeleteBuffer(_vbo);
        _gl.DeleteVertexArray(_vao);
        _gl.DeleteProgram(_program);
    }

    /// <summary>glReadPixels rows are bottom-up (notes §4.3): flip to top-down.</summary>
    private static T[] FlipRows<T>(T[] data, int rowLength, int rows)
    {
        var flipped = new T[data.Length];
        for (int y = 0; y < rows; y++)
        {
            Array.Copy(data, y * rowLength, flipped, (rows - 1 - y) * rowLength, rowLength);
        }

        return flipped;
    }

    private void EnsureTarget(int width, int height)
    {
        if (_fbo != 0 && width == _width && height == _height)
        {
            return;
        }

        DeleteTarget();
        (_width, _height) = (width, height);
        _fbo = _gl.GenFramebuffer();
        _gl.BindFramebuffer(FramebufferTarget.Framebuffer, _fbo);
        _colourRb = Renderbuffer(InternalFormat.Rgba8, FramebufferAttachment.ColorAttachment0);
        _idRb = Renderbuffer(InternalFormat.R32ui, FramebufferAttachment.ColorAttachment1);
        _depthRb = Renderbuffer(InternalFormat.DepthComponent24, FramebufferAttachment.DepthAttachment);
        GLEnum[] buffers = [GLEnum.ColorAttachment0, GLEnum.ColorAttachment1];
        _gl.DrawBuffers(2, buffers);
        GLEnum status = _gl.CheckFramebufferStatus(FramebufferTarget.Framebuffer);
        if (status != GLEnum.FramebufferComplete)
        {
            throw new InvalidOperationException($"framebuffer incomplete: {status}");
        }
    }

    private uint Renderbuffer(InternalFormat format, FramebufferAttachment attachment)
    {
        uint rb = _gl.GenRenderbuffer();
        _gl.BindRenderbuffer(RenderbufferTarget.Renderbuffer, rb);
        _gl.RenderbufferStorage(RenderbufferTarget.Renderbuffer, format, (uint)_width, (uint)_height);
        _gl.FramebufferRenderbuffer(FramebufferTarget.Framebuffer, attachment, RenderbufferTarget.Renderbuffer, rb);
        return rb;
    }

    private void DeleteTarget()
    {
        if (_fbo == 0)
        {
            return;
        }

        _gl.DeleteFramebuffer(_fbo);
        _gl.DeleteRenderbuffer(_colourRb);
        _gl.DeleteRenderbuffer(_idRb);
        _gl.DeleteRenderbuffer(_depthRb);
        _fbo = 0;
    }

    private uint CompileShader(ShaderType type, string source)
    {
        uint shader = _gl.CreateShader(type);
        _gl.ShaderSource(shader, source);
        _gl.CompileShader(shader);
        _gl.GetShader(shader, ShaderParameterName.CompileStatus, out int ok);
        if (ok == 0)
        {
            throw new InvalidOperationException($"{type} does not compile: {_gl.GetShaderInfoLog(shader)}");
        }

        return shader;
    }

    private uint Link(uint vertex, uint fragment)
    {
        uint program = _gl.CreateProgram();
        _gl.AttachShader(program, vertex);
        _gl.AttachShader(program, fragment);
        _gl.LinkProgram(program);
        _gl.GetProgram(program, ProgramPropertyARB.LinkStatus, out int ok);
        if (ok == 0)
        {
            throw new InvalidOperationException($"shader program does not link: {_gl.GetProgramInfoLog(program)}");
        }

        _gl.DeleteShader(vertex);
        _gl.DeleteShader(fragment);
        return program;
    }
}

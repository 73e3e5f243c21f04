using System.Globalization;
using System.Security;
using System.Text;

namespace Lantai.Tests.Transfer.Packages;

/// <summary>
/// Writes DA/T 48-2009 EEPs for the tests, shaped as the standard's schema and the agencies' systems write them
/// (namespace http://www.saac.gov.cn/standards/ERM/encapsulation, 原始型, one 文件实体 with 档号, 内容描述, 形式特征 and
/// 文件数据 whose 编码数据 holds each file in Base64). <see cref="Raw"/> lets a test break any part.
/// </summary>
internal sealed class EepWriter
{
    public string Title { get; init; } = "关于做好2023年度档案移交工作的通知";

    public int Item { get; init; } = 1;

    public string Year { get; init; } = "2023";

    public string Date { get; init; } = "20230312";

    /// <summary>(计算机文件名, bytes, declared size or null for the real one).</summary>
    public List<(string Name, byte[] Bytes, long? Declared)> Files { get; } = [];

    public string Keyword { get; init; } = "base64";

    public bool Signed { get; init; }

    /// <summary>Inserted before the root element (a DOCTYPE, say).</summary>
    public string Prologue { get; init; } = "";

    /// <summary>Replaces the text of 编码数据 of every file when set (bad Base64, say).</summary>
    public string? Raw { get; init; }

    /// <summary>Extra elements inside 文件实体块 after the 文件实体 (a second 文件实体, say).</summary>
    public string ExtraEntity { get; init; } = "";

    public EepWriter With(string name, byte[] bytes, long? declared = null)
    {
        Files.Add((name, bytes, declared));
        return this;
    }

    public string WriteTo(string path)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").Append(Prologue);
        xml.Append("<电子文件封装包 xmlns=\"http://www.saac.gov.cn/standards/ERM/encapsulation\">\n");
        xml.Append("<封装包格式描述>本EEP根据中华人民共和国档案行业标准DA/T 48-2009《基于XML的电子文件封装规范》生成</封装包格式描述>\n<版本>2009</版本>\n");
        xml.Append("<被签名对象 eep版本=\"2009\"><封装包类型>原始型</封装包类型><封装包类型描述>本封装包包含电子文件数据及其元数据，原始封装，未经修改</封装包类型描述>");
        xml.Append("<封装包创建时间>2023-03-15T10:00:00</封装包创建时间><封装包创建单位>示例旗人民政府办公室</封装包创建单位>\n<封装内容><文件实体块><文件实体>");
        xml.Append("<聚合层次>文件</聚合层次><来源><档案馆名称>示例旗档案馆</档案馆名称><立档单位名称>示例旗人民政府办公室</立档单位名称></来源>");
        xml.Append(CultureInfo.InvariantCulture, $"<电子文件号>EEP-{Item:0000}</电子文件号>");
        xml.Append(CultureInfo.InvariantCulture, $"<档号><全宗号>0426</全宗号><年度>{Year}</年度><保管期限>Y</保管期限><机构或问题>BGS</机构或问题><室编件号>{Item}</室编件号></档号>");
        xml.Append(CultureInfo.InvariantCulture, $"<内容描述><题名>{SecurityElement.Escape(Title)}</题名><文件编号>示旗政办发〔2023〕{Item}号</文件编号><责任者>示例旗人民政府办公室</责任者><日期>{Date}</日期><密级></密级></内容描述>");
        xml.Append("<形式特征><文件组合类型>单件</文件组合类型><页数>1</页数></形式特征><存储位置><脱机载体编号>无</脱机载体编号></存储位置><权限管理/>");
        xml.Append("<附注>由业务系统封装</附注><文件数据>");
        var n = 0;
        foreach (var (name, bytes, declared) in Files)
        {
            n++;
            xml.Append(CultureInfo.InvariantCulture, $"<文档><文档标识符>修改0-文档{n}</文档标识符><文档序号>{n}</文档序号><文档主从声明>{(n == 1 ? "主文件" : "附件")}</文档主从声明>");
            xml.Append(CultureInfo.InvariantCulture, $"<文档数据 文档数据ID=\"d{n}\"><编码 编码ID=\"c{n}\"><电子属性><格式信息>{Path.GetExtension(name).TrimStart('.')}</格式信息>");
            xml.Append(CultureInfo.InvariantCulture, $"<计算机文件名>{SecurityElement.Escape(name)}</计算机文件名><计算机文件大小>{declared ?? bytes.Length}</计算机文件大小></电子属性>");
            xml.Append("<编码描述>本封装包中“编码数据”元素存储的是计算机文件二进制流的Base64编码</编码描述>");
            xml.Append(CultureInfo.InvariantCulture, $"<反编码关键字>{Keyword}</反编码关键字><编码数据 编码数据ID=\"b{n}\">");
            xml.Append(Raw ?? Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks));
            xml.Append("</编码数据></编码></文档数据></文档>");
        }

        xml.Append("</文件数据></文件实体>").Append(ExtraEntity).Append("</文件实体块><业务实体块/><机构人员实体块/></封装内容></被签名对象>\n");
        if (Signed)
        {
            xml.Append("<电子签名块><签名 签名ID=\"s1\"><签名规则>RSA-SHA1</签名规则><签名时间>2023-03-15T10:00:00</签名时间><签名人>张三</签名人><签名结果>AAAA</签名结果></签名></电子签名块>");
        }

        xml.Append("</电子文件封装包>\n");
        File.WriteAllText(path, xml.ToString(), new UTF8Encoding(false));
        return path;
    }
}
